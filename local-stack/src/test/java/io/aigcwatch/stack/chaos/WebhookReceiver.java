package io.aigcwatch.stack.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Receivers of webhooks on this machine, one path per webhook, registered through the gateway as any user would.
 * Each answers 204 at once and keeps, per change (CloudEvent id), every {@code webhook-id} it came with.
 */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newFixedThreadPool(4);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();

    /**
     * One registered webhook and what reached it.
     *
     * @param filters the {@code filters} of its registration, as JSON
     * @param accepts which companies' layers its filters let through
     */
    record Hook(String name, String filters, Predicate<String> accepts, Map<String, Set<String>> webhookIds,
                Set<String> causes, AtomicLong deliveries) {
        Hook(String name, String filters, Predicate<String> accepts) {
            this(name, filters, accepts, new ConcurrentHashMap<>(), ConcurrentHashMap.newKeySet(), new AtomicLong());
        }

        boolean matches(JsonNode change) {
            return accepts.test(change.path("data").path("layer").asText());
        }
    }

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.start();
    }

    /** Serves a new hook and registers it through the gateway. */
    Hook register(GatewayApi api, Hook hook) {
        hooks.put(hook.name(), hook);
        server.createContext("/" + hook.name(), exchange -> receive(hook, exchange));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/" + hook.name();
        api.post("/api/webhooks", """
                {"url": "%s", "filters": %s, "description": "chaos suite: %s"}""".formatted(url, hook.filters(),
                hook.name()));
        return hook;
    }

    List<Hook> hooks() {
        return List.copyOf(hooks.values());
    }

    private void receive(Hook hook, HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            JsonNode change = json.readTree(body);
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            hook.webhookIds().computeIfAbsent(change.path("id").asText(), ignored -> ConcurrentHashMap.newKeySet())
                    .add(webhookId == null ? "(none)" : webhookId);
            hook.causes().add(change.path("data").path("causeId").asText());
            hook.deliveries().incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
