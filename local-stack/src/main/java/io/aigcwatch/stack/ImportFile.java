package io.aigcwatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./aigcwatch import FILE}: uploads a CSV or NDJSON file of rounds to the running stack's gateway (streamed
 * from disk, never read whole), then shows the job's progress until it ends, its summary and its first refused rows.
 * Exits 0 when the job is DONE (refused rows included), 1 when the upload is refused or the job FAILED.
 */
final class ImportFile {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int REFUSED_SHOWN = 10;

    private final URI gateway;
    private final String apiKey;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    ImportFile(URI gateway, String apiKey, PrintStream out) {
        this.gateway = gateway;
        this.apiKey = apiKey;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: ./aigcwatch import FILE   (a .csv, or .ndjson / .jsonl)");
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("aigcwatch.home", ".aigcwatch"));
        String keys = System.getenv("AIGCWATCH_API_KEYS");
        ApiKeys known = keys != null && !keys.isBlank() ? ApiKeys.fromEnvironment(keys)
                : ApiKeyFile.loadOrCreate(home.resolve("api-keys"));
        String key = known.writeKey().orElseThrow(() -> new StackException(known.origin() + " has no key with the write scope"));
        String port = System.getenv().getOrDefault("AIGCWATCH_GATEWAY_PORT", "8080").trim();
        System.exit(new ImportFile(URI.create("http://localhost:" + port), key, System.out).run(Path.of(args[0])));
    }

    int run(Path file) throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) {
            out.println("[aigcwatch] no such file: " + file);
            return 1;
        }
        out.println("[aigcwatch] uploading " + file + " (" + Files.size(file) / 1024 + " KB) to " + gateway);
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(gateway.resolve("/api/imports"))
                .header("X-API-Key", apiKey).header("Content-Type", contentType(file))
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            out.println("[aigcwatch] the upload was refused (" + accepted.statusCode() + "): " + accepted.body());
            return 1;
        }
        URI job = gateway.resolve(accepted.headers().firstValue("Location").orElseThrow());
        JsonNode state = json.readTree(accepted.body());
        while (!isFinal(state)) {
            out.print("\r" + ImportProgress.line(state));
            out.flush();
            Thread.sleep(POLL.toMillis());
            state = json.readTree(http.send(HttpRequest.newBuilder(job).header("X-API-Key", apiKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        out.println("\r" + ImportProgress.line(state));
        out.println(ImportProgress.summary(state, REFUSED_SHOWN, job));
        return "DONE".equals(state.path("state").asText()) ? 0 : 1;
    }

    private static boolean isFinal(JsonNode job) {
        String state = job.path("state").asText();
        return state.equals("DONE") || state.equals("FAILED");
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".ndjson") || name.endsWith(".jsonl") ? "application/x-ndjson" : "text/csv";
    }
}
