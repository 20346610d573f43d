package io.aigcwatch.kit.export;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;

import java.util.Locale;

/**
 * The representation a client asked for with {@code Accept}. JSON stays the default: a browser's or a library's
 * generic {@code Accept} (text/html, *&#47;*) gets the JSON document, and only a client that names an export format
 * gets it.
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

    public static ExportFormat requested(@Nullable String accept) {
        String asked = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (asked.contains(CSV_MEDIA_TYPE)) {
            return CSV;
        }
        return asked.contains(NDJSON_MEDIA_TYPE) ? NDJSON : JSON;
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
