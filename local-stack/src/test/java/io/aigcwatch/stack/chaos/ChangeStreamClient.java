package io.aigcwatch.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * A subscriber of the gateway's change stream that behaves like a careful browser: whenever its connection ends, be
 * it a deliberate drop every few seconds or a gateway killed under it, it connects again and sends the id of the
 * last event it handled as {@code Last-Event-ID}. It counts every change it receives by CloudEvent id, so that the
 * end of the run can hold them against the topic.
 */
final class ChangeStreamClient implements AutoCloseable {
    private static final String PATH = "/api/valuation-changes/stream";

    private final HttpClient http;
    private final URI stream;
    private final String apiKey;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Integer> received = new ConcurrentHashMap<>();
    private final Set<String> causes = ConcurrentHashMap.newKeySet();
    private final List<String> gaps = new ArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final ScheduledExecutorService dropper = Executors.newSingleThreadScheduledExecutor();
    private final Thread reader;
    private volatile String lastEventId;
    private volatile InputStream current;
    private volatile boolean closed;

    ChangeStreamClient(HttpClient http, URI gateway, String apiKey, Duration reconnectEvery) {
        this.http = http;
        this.stream = gateway.resolve(PATH);
        this.apiKey = apiKey;
        this.reader = new Thread(this::readForever, "chaos-sse");
        reader.setDaemon(true);
        dropper.scheduleAtFixedRate(this::drop, reconnectEvery.toMillis(), reconnectEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Returns once the first connection is open and its {@code ready} event has given a position to resume from. */
    void start() {
        reader.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> lastEventId != null);
    }

    /** Received copies of each change, by CloudEvent id. */
    Map<String, Integer> received() {
        return Map.copyOf(received);
    }

    boolean receivedChangeOf(String roundId) {
        return causes.contains(roundId);
    }

    int connections() {
        return connections.get();
    }

    synchronized List<String> gaps() {
        return List.copyOf(gaps);
    }

    private void readForever() {
        long backoffMillis = 100;
        while (!closed) {
            try {
                readOneConnection();
                backoffMillis = 100;
            } catch (IOException e) {
                backoffMillis = Math.min(2_000, backoffMillis * 2);
            } catch (InterruptedException e) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoffMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void readOneConnection() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Accept", "text/event-stream")
                .header("X-API-Key", apiKey).GET();
        String resumeFrom = lastEventId;
        if (resumeFrom != null) {
            request.header("Last-Event-ID", resumeFrom);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("stream answered " + response.statusCode());
            }
            connections.incrementAndGet();
            current = body;
            readEvents(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)));
        } finally {
            current = null;
        }
    }

    /** Only a whole event (ended by a blank line) counts and moves the resume position; a torn one comes again. */
    private void readEvents(BufferedReader lines) throws IOException {
        String id = null;
        String event = "message";
        StringBuilder data = new StringBuilder();
        for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
            if (line.isEmpty()) {
                handle(event, data.toString());
                if (id != null) {
                    lastEventId = id;
                }
                id = null;
                event = "message";
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).trim();
            } else if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            }
        }
    }

    private void handle(String event, String data) throws IOException {
        switch (event) {
            case "valuation-changed" -> {
                JsonNode change = json.readTree(data);
                received.merge(change.path("id").asText(), 1, Integer::sum);
                causes.add(change.path("data").path("causeId").asText());
            }
            case "gap" -> {
                synchronized (this) {
                    gaps.add(data);
                }
            }
            default -> {
                // ready, and the heartbeat comments that never reach here
            }
        }
    }

    /** Ends the current connection from this side, as a browser tab that sleeps or a flaky network does. */
    private void drop() {
        InputStream body = current;
        if (body != null) {
            try {
                body.close();
            } catch (IOException ignored) {
                // the reader connects again whatever happened here
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        dropper.shutdownNow();
        drop();
        reader.interrupt();
    }
}
