package io.aigcwatch.gateway.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway on a free port, with its services wherever a test puts them. Tests talk to it with the JDK's client,
 * which shows status, headers and body exactly as they came over the wire.
 */
public final class Gateway implements AutoCloseable {
    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Gateway(EmbeddedServer server) {
        this.server = server;
    }

    /** @param serviceUrls URLs by service id: funding, valuation, market */
    public static Gateway start(Map<String, String> serviceUrls, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(more);
        properties.put("micronaut.server.port", -1);
        // a test that brings no broker gets no Kafka clients, rather than ones that retry localhost:9092 all along
        properties.putIfAbsent("kafka.enabled", more.containsKey("kafka.bootstrap.servers"));
        serviceUrls.forEach((id, url) -> properties.put("micronaut.http.services." + id + ".url", url));
        return new Gateway(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
