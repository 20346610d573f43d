package io.aigcwatch.gateway.support;

import io.aigcwatch.infra.RealInfraExtension;
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

    /**
     * The gateway keeps webhooks in PostgreSQL and reads Kafka, so it always runs against real servers: by default a
     * database and topic prefix shared by every test that does not care about them; {@code more} may name a test
     * class's own ({@code TestInfra.serviceProperties()}). The calling test class must be
     * {@code @ExtendWith(RealInfraExtension.class)}, so that the servers are stopped after it.
     *
     * @param serviceUrls URLs by service id: funding, valuation, market
     */
    public static Gateway start(Map<String, String> serviceUrls, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(sharedInfra());
        properties.putAll(more);
        properties.put("micronaut.server.port", -1);
        serviceUrls.forEach((id, url) -> properties.put("micronaut.http.services." + id + ".url", url));
        return new Gateway(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    /** The servers' share that tests get when they do not bring their own. */
    static Map<String, Object> sharedInfra() {
        return RealInfraExtension.forClass(Gateway.class).serviceProperties();
    }

    public URI url() {
        return URI.create(server.getURL().toString());
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
