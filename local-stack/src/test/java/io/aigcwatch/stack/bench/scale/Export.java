package io.aigcwatch.stack.bench.scale;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One CSV export read to its end: when its first byte came, when its last, and how many rows it held. */
record Export(double firstByteMillis, double totalSeconds, long rows) {
    static Export of(HttpClient http, URI uri, String apiKey) throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).header("X-API-Key", apiKey)
                .header("Accept", "text/csv").timeout(Duration.ofMinutes(30)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = 0;
        long lines = 0;
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("export " + uri + " answered " + response.statusCode() + ": "
                        + new String(body.readNBytes(500)));
            }
            byte[] buffer = new byte[1 << 16];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                if (firstByte == 0 && read > 0) {
                    firstByte = System.nanoTime();
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        // a row's quoted text may hold a line break; generated rows hold none
        return new Export((firstByte - started) / 1e6, (System.nanoTime() - started) / 1e9, Math.max(0, lines - 1));
    }

    String cell() {
        return String.format("%.0f ms / %.1f s (%,d rows)", firstByteMillis, totalSeconds, rows);
    }
}
