package io.aigcwatch.stack.chaos;

import io.aigcwatch.stack.ChaosServices;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;


/**
 * When the suite is whole again after a fault: every service answers its health check, and a new round posted
 * through the gateway has gone all the way: its valuation point is in valuation-service, its contribution in
 * market-service, and its {@code valuation.changed} has reached the change-stream subscriber and a webhook.
 */
final class Recovery {
    private static final Duration POLL = Duration.ofMillis(250);

    private final GatewayApi api;
    private final ChaosServices services;
    private final RoundClient client;
    private final String run;
    private final ChangeStreamClient stream;
    private final WebhookReceiver.Hook everyChange;
    private final Duration timeout;
    private final Queue<RoundClient.Posted> probes = new ConcurrentLinkedQueue<>();

    Recovery(GatewayApi api, ChaosServices services, RoundClient client, String run, ChangeStreamClient stream,
             WebhookReceiver.Hook everyChange, Duration timeout) {
        this.api = api;
        this.services = services;
        this.client = client;
        this.run = run;
        this.stream = stream;
        this.everyChange = everyChange;
        this.timeout = timeout;
    }

    /**
     * @param since {@link System#nanoTime()} when the fault ended: the kill, the restart, the SIGCONT
     * @return the time from then until the probe had gone all the way; empty if that took longer than the timeout
     */
    Optional<Duration> after(long since, int probeNumber) throws InterruptedException {
        try {
            Awaitility.await().atMost(remaining(since)).pollInterval(POLL).until(() -> services.names().stream()
                    .allMatch(name -> api.healthy(services.base(name))));
            RoundClient.Posted probe = client.post(new Round(run, probeNumber, true));
            probes.add(probe);
            if (!probe.acknowledged()) {
                return Optional.empty();
            }
            Awaitility.await().atMost(remaining(since)).pollInterval(POLL).ignoreExceptions()
                    .until(() -> arrivedEverywhere(probe));
            return Optional.of(Duration.ofNanos(System.nanoTime() - since));
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    /** Every probe posted so far: acknowledged ones are rounds like any other, and are checked with them. */
    List<RoundClient.Posted> probes() {
        return List.copyOf(probes);
    }

    private boolean arrivedEverywhere(RoundClient.Posted probe) {
        String roundId = probe.id().toString();
        return stream.receivedChangeOf(roundId) && everyChange.causes().contains(roundId)
                && api.get("/api/companies/" + probe.companyId() + "/valuations")
                .map(history -> Verification.countMatching(history.path("points"), "causeId", roundId) > 0)
                .orElse(false)
                && api.get("/api/market/shares?by=lead&metric=funding")
                .map(shares -> Verification.countMatching(shares.path("shares"), "key", probe.round().investor()) > 0)
                .orElse(false);
    }

    private Duration remaining(long since) {
        return Duration.ofNanos(Math.max(1, since + timeout.toNanos() - System.nanoTime()));
    }
}
