package io.aigcwatch.gateway.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain Server-Sent Events client: the JDK's HTTP client and the parsing rules of the WHATWG HTML standard
 * (the ones browsers' {@code EventSource} follows), nothing of the gateway's. It keeps every line and every
 * dispatched event for tests to look at; closing it drops the connection as a browser tab does.
 */
public final class SseClient implements AutoCloseable {
    private final HttpResponse<InputStream> response;
    private final List<String> lines = new ArrayList<>();
    private final List<Message> events = new ArrayList<>();
    private String lastEventId = "";
    private volatile boolean ended;

    /** One event as {@code EventSource} would fire it; {@code lastEventId} is what it would show then. */
    public record Message(String type, String data, String lastEventId) {
    }

    private SseClient(HttpResponse<InputStream> response) {
        this.response = response;
        if (response.statusCode() == 200) {
            Thread reader = new Thread(this::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public static SseClient connect(URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        try {
            // a client of its own, so that closing this stream's connection touches no other
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            return new SseClient(client.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    /** The body of a refused connection. */
    public String errorBody() {
        try (InputStream body = response.body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized List<Message> events() {
        return List.copyOf(events);
    }

    public synchronized List<Message> events(String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** What {@code EventSource.lastEventId} shows, and what a reconnect sends as {@code Last-Event-ID}. */
    public synchronized String lastEventId() {
        return lastEventId;
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    private void read() {
        String eventType = "";
        StringBuilder data = new StringBuilder();
        String idBuffer = "";
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                synchronized (this) {
                    lines.add(line);
                    if (line.isEmpty()) {
                        lastEventId = idBuffer;
                        if (data.length() > 0) {
                            data.setLength(data.length() - 1);
                            events.add(new Message(eventType.isEmpty() ? "message" : eventType, data.toString(),
                                    lastEventId));
                        }
                        eventType = "";
                        data.setLength(0);
                        continue;
                    }
                    if (line.startsWith(":")) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "event" -> eventType = value;
                        case "data" -> data.append(value).append('\n');
                        case "id" -> {
                            if (!value.contains("\0")) {
                                idBuffer = value;
                            }
                        }
                        default -> {
                            // retry and unknown fields do not matter here
                        }
                    }
                }
            }
        } catch (IOException e) {
            // closed by us, or dropped by the server
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
