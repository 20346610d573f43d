package io.aigcwatch.notification.delivery;

import io.aigcwatch.events.CloudEvent;
import io.aigcwatch.notification.target.TargetGuard;
import io.aigcwatch.notification.webhook.WebhookConfig;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Makes one attempt: POSTs the event, signed, and reports how it went. The JDK client, not Micronaut's, since the
 * targets are arbitrary URLs: no proxy, no redirects followed, HTTP/1.1, and the body of the answer is not read.
 */
@Singleton
class WebhookSender {
    static final String USER_AGENT = "aigcwatch-webhooks/1";

    private final TargetGuard guard;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient client;

    WebhookSender(TargetGuard guard, Clock clock, WebhookConfig config) {
        this.guard = guard;
        this.clock = clock;
        this.timeout = config.timeout();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "webhook-sender");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .executor(executor)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(HttpClient.Builder.NO_PROXY)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    CompletableFuture<AttemptResult> send(DeliveryClaims.Claimed attempt) {
        // the target's addresses are checked again: what its name resolves to may have changed since registration
        return CompletableFuture.supplyAsync(() -> guard.refusal(attempt.url()), executor)
                .thenCompose(refusal -> refusal.isPresent()
                        ? CompletableFuture.completedFuture(AttemptResult.failed("url " + refusal.get()))
                        : post(attempt))
                // finished on this sender's threads, never on the HTTP client's selector, since the outcome is written
                // to the database by whoever continues
                .handleAsync((result, error) -> error == null ? result : failure(error), executor);
    }

    private CompletableFuture<AttemptResult> post(DeliveryClaims.Claimed attempt) {
        String id = attempt.id().toString();
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(timeout)
                .header("Content-Type", CloudEvent.STRUCTURED_JSON)
                .header("User-Agent", USER_AGENT)
                .header(WebhookSignature.ID_HEADER, id)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER,
                        WebhookSignature.sign(attempt.secret(), id, timestamp, attempt.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.payload()))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .thenApply(response -> {
                    // only the status counts; closing unread drops whatever a receiver might stream back
                    closeQuietly(response.body());
                    return AttemptResult.answered(response.statusCode());
                });
    }

    private static AttemptResult failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return AttemptResult.failed("no answer within the timeout");
        }
        return AttemptResult.failed(cause.getClass().getSimpleName()
                + Optional.ofNullable(cause.getMessage()).map(message -> ": " + message).orElse(""));
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the status is in; a body that does not close cleanly changes nothing
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
