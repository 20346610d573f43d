package io.aigcwatch.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Locale;

/** How {@code ./aigcwatch import} shows a job: one progress line while it runs, a summary when it ends. */
final class ImportProgress {
    private static final int WIDTH = 30;

    private ImportProgress() {
    }

    static String line(JsonNode job) {
        long done = job.path("rowsDone").asLong();
        JsonNode total = job.path("rowsTotal");
        String bar;
        String of;
        if (total.isNumber() && total.asLong() > 0) {
            int filled = (int) Math.min(WIDTH, done * WIDTH / total.asLong());
            bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
            of = String.format(Locale.ROOT, "%,d/%,d rows", done, total.asLong());
        } else {
            bar = ".".repeat(WIDTH);
            of = String.format(Locale.ROOT, "%,d rows", done);
        }
        return String.format(Locale.ROOT, "[%s] %-9s %s  %,.0f rows/s  refused %,d", bar,
                job.path("state").asText(), of, job.path("roundsPerSecond").asDouble(), job.path("rowsRefused").asLong());
    }

    static String summary(JsonNode job, int refusedShown, URI location) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "[aigcwatch] import %s %s: %,d imported, %,d already recorded, %,d refused of %,d rows",
                job.path("id").asText(), job.path("state").asText(), job.path("rowsImported").asLong(),
                job.path("rowsAlreadyRecorded").asLong(), job.path("rowsRefused").asLong(),
                job.path("rowsDone").asLong()));
        if (!job.path("failure").isNull() && !job.path("failure").isMissingNode()) {
            text.append("\n  failure: ").append(job.path("failure").asText());
        }
        int shown = 0;
        for (JsonNode refused : job.path("refused")) {
            if (shown++ == refusedShown) {
                break;
            }
            text.append(String.format(Locale.ROOT, "%n  line %d  %s: %s", refused.path("line").asLong(),
                    refused.path("field").asText(), refused.path("reason").asText()));
        }
        if (job.path("rowsRefused").asLong() > 0) {
            text.append("\n  every refused row: GET ").append(location).append("/refused");
        }
        return text.toString();
    }
}
