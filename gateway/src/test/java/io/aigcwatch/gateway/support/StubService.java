package io.aigcwatch.gateway.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for a downstream service: its own application context and embedded server on a free port, answering
 * with {@link StubServiceController} and the usual {@code /health}.
 */
public final class StubService implements AutoCloseable {
    static final String ENABLED = "aigcwatch.test.stub-service";
    /** What the stub answers to every PUT: a problem document that the gateway must hand back byte for byte. */
    public static final String PRECONDITION_FAILED = "{\"type\":\"https://aigcwatch.io/problems/stale-version\","
            + "\"title\":\"Precondition Failed\",\"status\":412,\"detail\":\"the round changed since you read it\"}";

    private final EmbeddedServer server;

    private StubService(EmbeddedServer server) {
        this.server = server;
    }

    public static StubService start() {
        // the gateway's classpath, so the gateway's Kafka configuration too
        Map<String, Object> properties = new HashMap<>(Gateway.sharedInfra());
        properties.putAll(Map.of(
                "micronaut.server.port", -1,
                "micronaut.application.name", "stub-service",
                ENABLED, true,
                // unlike the gateway, a stub demands the internal credential, as the real services do
                "aigcwatch.internal.required", true));
        return new StubService(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    /** Every request the stub received so far, as {@code METHOD /path}, oldest first. */
    public List<String> received() {
        return server.getApplicationContext().getBean(ReceivedRequests.class).all();
    }

    public String url() {
        return server.getURL().toString();
    }

    /** How many requests this stub received on a path that counts them (see {@link FailingStubController}). */
    public int calls(String path) {
        return server.getApplicationContext().getBean(StubCalls.class).count(path);
    }

    /** A header of the last request on a path that keeps them (the stats sources'), as the stub received it. */
    public java.util.Optional<String> lastHeader(String path, String name) {
        return server.getApplicationContext().getBean(StubCalls.class).lastHeader(path, name);
    }

    /** The raw query of the last request on a path that keeps them (the stats sources'), empty for none. */
    public java.util.Optional<String> lastQuery(String path) {
        return server.getApplicationContext().getBean(StubCalls.class).lastQuery(path);
    }

    /** Whether the streamed export a test started with {@code key} has sent its last byte (StreamingStubController). */
    public boolean hasFinishedStreaming(String key) {
        return server.getApplicationContext().getBean(StreamProgress.class).hasFinished(key);
    }

    /** When the streamed export a test started with {@code key} handed the server its first bytes, in nanoTime. */
    public java.util.Optional<Long> firstStreamedAt(String key) {
        return server.getApplicationContext().getBean(StreamProgress.class).firstSentAt(key);
    }

    /** A URL where nothing listens: the port was free a moment ago. */
    public static String nobodyListening() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://localhost:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
