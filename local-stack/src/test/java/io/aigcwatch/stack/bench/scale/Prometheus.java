package io.aigcwatch.stack.bench.scale;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A service's {@code /prometheus} text, which a loopback scraper may read, and the samples the benchmark sums. */
final class Prometheus {
    private Prometheus() {
    }

    static String scrape(HttpClient http, URI service) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(service.resolve("/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * The sum of the samples whose line starts with {@code metric} and contains {@code label} ("" for any).
     *
     * @throws IllegalStateException when there is none: a renamed metric must not read as zero
     */
    static double sum(String exposition, String metric, String label) {
        double sum = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric) && line.contains(label)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("the service's /prometheus has no " + metric + " " + label);
        }
        return sum;
    }
}
