package io.aigcwatch.notification.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * A webhook receiver on a loopback port: records every request per path, and answers each path with the statuses a
 * test scripted for it, then with its steady status (204 unless set).
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> steady = new ConcurrentHashMap<>();

    /** @param headers by lower-case name */
    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /**
         * Whether this request carries a Standard Webhooks signature under {@code secret}: the receiver's side, written
         * out here rather than borrowed from the code under test.
         */
        public boolean signedWith(String secret) {
            try {
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                String signed = header("webhook-id") + "." + header("webhook-timestamp") + "." + body;
                String expected = "v1," + Base64.getEncoder().encodeToString(
                        mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
                return Stream.of(header("webhook-signature").split(" ")).anyMatch(signature ->
                        MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                                signature.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static WebhookReceiver start() {
        return startOn(InetAddress.getLoopbackAddress(), 0);
    }

    /** @param port 0 for any free one */
    public static WebhookReceiver startOn(InetAddress address, int port) {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress(address, port), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The body that registers a webhook sending {@code company}'s changes (a name or an id) to {@code path} here. */
    public String hookFor(String path, String company) {
        return """
                {"url": "%s", "filters": {"companies": ["%s"]}}""".formatted(url(path), company);
    }

    /** The next requests to {@code path} get these statuses, in order. */
    public void answer(String path, Integer... statuses) {
        scripted.computeIfAbsent(path, key -> new ConcurrentLinkedQueue<>()).addAll(List.of(statuses));
    }

    /** Once its script is used up, {@code path} answers this. */
    public void steadily(String path, int status) {
        steady.put(path, status);
    }

    public List<Received> at(String path) {
        return List.copyOf(received.getOrDefault(path, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        received.computeIfAbsent(path, key -> new CopyOnWriteArrayList<>()).add(new Received(path, headers, body));
        Integer next = scripted.getOrDefault(path, new ConcurrentLinkedQueue<>()).poll();
        int status = next != null ? next : steady.getOrDefault(path, 204);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
