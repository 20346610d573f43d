package io.aigcwatch.kit.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;

import java.util.Locale;

/**
 * The representation a client asked for with {@code Accept}. JSON stays the default: a browser's or a library's
 * generic {@code Accept} gets the JSON document, and only a client that names an export format gets it.
 */
public enum ExportFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    CSV(ExportFormat.CSV_MEDIA_TYPE, "csv"),
    NDJSON(ExportFormat.NDJSON_MEDIA_TYPE, "ndjson");

    public static final String CSV_MEDIA_TYPE = "text/csv";
    public static final String NDJSON_MEDIA_TYPE = "application/x-ndjson";

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /**
     * The format of highest quality in {@code Accept}; on a tie, JSON, then CSV, then NDJSON. An export format counts
     * only when named: a generated client that lists every type an operation produces ("application/json,
     * text/csv") gets JSON, and {@code *}{@code /*} or text/html mean JSON too.
     */
    public static ExportFormat requested(@Nullable String accept) {
        ExportFormat best = JSON;
        double bestQuality = 0;
        for (ExportFormat format : values()) {
            double quality = format.quality(accept == null ? "" : accept.toLowerCase(Locale.ROOT));
            if (quality > bestQuality) {
                best = format;
                bestQuality = quality;
            }
        }
        return best;
    }

    private double quality(String accept) {
        double best = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim();
            boolean matches = type.equals(mediaType)
                    || this == JSON && (type.equals("*/*") || type.equals("application/*"));
            if (matches) {
                best = Math.max(best, qualityOf(parts));
            }
        }
        return best;
    }

    private static double qualityOf(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException unreadable) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The Content-Type of a body in this format; text is always UTF-8. */
    public String contentType() {
        return this == JSON ? mediaType : mediaType + "; charset=utf-8";
    }

    /** Saves the export under a name that says what it holds, rather than the last segment of the URL. */
    public String contentDisposition(String baseName) {
        return "attachment; filename=\"" + baseName + "." + extension + "\"";
    }
}
