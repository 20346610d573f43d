package io.aigcwatch.notification.support;

import io.aigcwatch.testkit.TestCredential;
import io.aigcwatch.testkit.TestInfra;
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
 * notification-service on a free port, against a test class's own database and topics, dispatching every 50 ms.
 * Tests talk to it with the JDK's client, as the gateway would: without {@code /api}, naming the caller in headers.
 */
public final class NotificationService implements AutoCloseable {
    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private NotificationService(EmbeddedServer server) {
        this.server = server;
    }

    /** @param more configuration on top, such as {@code aigcwatch.notification.webhooks.*} */
    public static NotificationService start(TestInfra infra, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("aigcwatch.notification.webhooks.dispatch-interval", "50ms");
        properties.putAll(more);
        return new NotificationService(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public URI uri() {
        return URI.create(server.getURL().toString());
    }

    /** A request as the gateway sends it: with the internal credential. */
    public HttpRequest.Builder request(String path) {
        return TestCredential.on(HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30)));
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

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
