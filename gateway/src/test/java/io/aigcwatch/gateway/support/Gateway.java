package io.aigcwatch.gateway.support;

import io.aigcwatch.testkit.RealInfraExtension;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway on a free port, with its services wherever a test puts them. Tests talk to it with the JDK's client,
 * which shows status, headers and body exactly as they came over the wire.
 */
public final class Gateway implements AutoCloseable {
    public static final String API_KEYS = "aigcwatch.gateway.api-keys";
    public static final String ANONYMOUS_READ = "aigcwatch.gateway.anonymous-read";
    public static final String RATE_LIMIT_RPS = "aigcwatch.gateway.rate-limit.requests-per-second";
    public static final String RATE_LIMIT_BURST = "aigcwatch.gateway.rate-limit.burst";
    public static final String REFUSALS_PER_MINUTE = "aigcwatch.gateway.rate-limit.refusals-per-minute";
    public static final String REFUSAL_BURST = "aigcwatch.gateway.rate-limit.refusal-burst";
    /** The keys every test gateway accepts unless a test sets {@link #API_KEYS} itself. */
    public static final String READ_KEY = "test-read-7f3a9c2e51d04b8a";
    public static final String WRITE_KEY = "test-write-2b6e8d1f90a34c7e";
    public static final String ADMIN_KEY = "test-admin-c41d7e93a8f25b60";
    public static final String TEST_KEYS = READ_KEY + "=read," + WRITE_KEY + "=read+write,"
            + ADMIN_KEY + "=read+write+admin";
    /** High enough that no test meets the rate limit unless it lowers it. */
    private static final long UNLIMITED = 1_000_000;

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Gateway(EmbeddedServer server) {
        this.server = server;
    }

    /**
     * The gateway holds no state and has no database; it reads Kafka for the change stream, so it runs against the
     * real broker: by default with a topic prefix shared by every test that does not care, while {@code more} may
     * name a test class's own ({@code TestInfra.serviceProperties()}). The calling test class must be
     * {@code @ExtendWith(RealInfraExtension.class)}, so that the servers are stopped after it. Kafka clients start
     * only when {@code more} names a broker.
     *
     * @param serviceUrls URLs by service id: funding, valuation, market, notification
     * @param more        any other configuration; by default the gateway accepts {@link #TEST_KEYS}, allows no
     *                    anonymous reads, and has rate and refusal limits no test reaches: {@link #API_KEYS},
     *                    {@link #ANONYMOUS_READ}, {@link #RATE_LIMIT_RPS}, {@link #RATE_LIMIT_BURST},
     *                    {@link #REFUSALS_PER_MINUTE} and {@link #REFUSAL_BURST} change that
     */
    public static Gateway start(Map<String, String> serviceUrls, Map<String, Object> more) {
        Map<String, Object> properties = new HashMap<>(sharedInfra());
        properties.putAll(Map.of(API_KEYS, TEST_KEYS, RATE_LIMIT_RPS, UNLIMITED, RATE_LIMIT_BURST, UNLIMITED,
                REFUSALS_PER_MINUTE, UNLIMITED, REFUSAL_BURST, UNLIMITED));
        properties.putAll(more);
        properties.put("micronaut.server.port", -1);
        // Kafka clients only for a test that brings its own topic prefix: the shared one is every test's
        properties.putIfAbsent("kafka.enabled", more.containsKey("kafka.bootstrap.servers"));
        serviceUrls.forEach((id, url) -> properties.put("micronaut.http.services." + id + ".url", url));
        return new Gateway(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    /** The servers' share that tests get when they do not bring their own: Kafka's, since the gateway has no database. */
    static Map<String, Object> sharedInfra() {
        Map<String, Object> properties = new HashMap<>(RealInfraExtension.forClass(Gateway.class).serviceProperties());
        properties.keySet().removeIf(key -> key.startsWith("datasources."));
        return properties;
    }

    public URI uri(String path) {
        return URI.create(server.getURL() + path);
    }

    /** A request that carries no key. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path)).timeout(Duration.ofSeconds(30));
    }

    /** A request that carries the key in {@code X-API-Key}. */
    public HttpRequest.Builder request(String path, String apiKey) {
        return request(path).header("X-API-Key", apiKey);
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

    /** A GET with {@link #READ_KEY}, as most readers send it. */
    public HttpResponse<String> get(String path) {
        return get(path, READ_KEY);
    }

    public HttpResponse<String> get(String path, String apiKey) {
        return send(request(path, apiKey).GET().build());
    }

    /** A GET without any key. */
    public HttpResponse<String> getAnonymously(String path) {
        return send(request(path).GET().build());
    }

    /**
     * The status line of a GET sent from a given local address (such as {@code 127.0.0.2}), which the JDK's client
     * cannot choose: what a limit per client address answers another client.
     */
    public String statusLineFrom(String localAddress, String path, Map<String, String> headers) {
        URI uri = uri(path);
        StringBuilder request = new StringBuilder("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: localhost\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", uri.getPort()), 5_000);
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
