package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.notification.target.CheckedTarget;
import io.aigcwatch.notification.target.RefusedTarget;
import io.aigcwatch.notification.target.TargetGuard;
import io.aigcwatch.notification.webhook.WebhookConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes one attempt: POSTs the event, signed, and reports how it went. Apache HttpClient rather than the JDK's or
 * Micronaut's, since it connects to an address given with the target ({@link CheckedTarget#address()}) while still
 * sending the URL's host as {@code Host}, as TLS SNI, and verifying the certificate against it; its own resolver
 * refuses every lookup. No proxy, no redirects, no retries of its own, HTTP/1.1, and the body of the answer is not
 * read. Every attempt ends within the timeout, however a receiver trickles its answer: it is cut off when the time is
 * up.
 */
@Singleton
class WebhookSender {
    static final String USER_AGENT = "aigcwatch-webhooks/1";
    private static final ContentType CLOUD_EVENT = ContentType.parse(CloudEvent.STRUCTURED_JSON);

    private final TargetGuard guard;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService executor;
    private final ScheduledExecutorService deadlines;
    private final CloseableHttpClient client;

    WebhookSender(TargetGuard guard, Clock clock, WebhookConfig config) {
        this.guard = guard;
        this.clock = clock;
        this.timeout = config.timeout();
        this.executor = Executors.newCachedThreadPool(daemon("webhook-sender"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("webhook-deadlines"));
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new NoDnsResolver())
                        .setMaxConnTotal(config.maxInFlight())
                        .setMaxConnPerRoute(config.maxInFlight())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(USER_AGENT)
                .build();
    }

    CompletableFuture<AttemptResult> send(DeliveryClaims.Claimed attempt) {
        // on this sender's threads: the outcome is written to the database by whoever continues
        return CompletableFuture.supplyAsync(() -> attempt(attempt), executor);
    }

    private AttemptResult attempt(DeliveryClaims.Claimed attempt) {
        CheckedTarget target;
        try {
            // checked again: what the name resolves to may have changed since registration
            target = guard.check(attempt.url());
        } catch (RefusedTarget refused) {
            return AttemptResult.failed("url " + refused.getMessage());
        }
        HttpPost post = request(attempt, target);
        AtomicBoolean cutOff = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            cutOff.set(true);
            post.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        HttpHost checkedHost = new HttpHost(target.scheme(), target.address(), target.host(), target.port());
        try (ClassicHttpResponse response = client.executeOpen(checkedHost, post, null)) {
            // only the status counts; closing unread drops the connection and whatever a receiver might stream back
            return AttemptResult.answered(response.getCode());
        } catch (Exception e) {
            return cutOff.get() ? AttemptResult.failed("no answer within the timeout") : failure(e);
        } finally {
            deadline.cancel(false);
        }
    }

    private HttpPost request(DeliveryClaims.Claimed attempt, CheckedTarget target) {
        String id = attempt.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpPost post = new HttpPost(target.uri());
        post.setHeader(WebhookSignature.ID_HEADER, id);
        post.setHeader(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp));
        post.setHeader(WebhookSignature.SIGNATURE_HEADER,
                WebhookSignature.sign(attempt.secret(), id, timestamp, attempt.payload()));
        post.setEntity(new StringEntity(attempt.payload(), CLOUD_EVENT));
        return post;
    }

    private static AttemptResult failure(Exception error) {
        if (error instanceof SocketTimeoutException) {
            return AttemptResult.failed("no answer within the timeout");
        }
        return AttemptResult.failed(error.getClass().getSimpleName()
                + Optional.ofNullable(error.getMessage()).map(message -> ": " + message).orElse(""));
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void close() {
        deadlines.shutdownNow();
        executor.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
