package io.aigcwatch.stack.chaos;

import java.time.Duration;
import java.util.Locale;

/**
 * What one run does, from {@code -Dchaos.*} system properties (the Maven profile passes them on).
 *
 * @param rounds            rounds to post at least; the load goes on past them until every fault is over
 * @param perSecond         the steady rate at which new rounds start, whatever the answers
 * @param clients           client threads: how many rounds can be waiting for an answer or a retry at once
 * @param warmUp            load before the first fault
 * @param gap               load between a recovery and the next fault
 * @param brokerDown        how long the broker stays stopped
 * @param postgresDown      how long PostgreSQL stays dead after its kill -9
 * @param pause             how long valuation-service stays stopped by SIGSTOP; longer than its 10 s session timeout
 * @param recoveryTimeout   how long a fault may take to recover before the run counts it as not recovered
 * @param settleTimeout     how long the end of the run waits for every change to arrive everywhere
 * @param giveUp            how long one client retries one round before it gives up, as a real client would
 * @param reconnectEvery    how often the change-stream client drops its connection and resumes by Last-Event-ID
 */
record ChaosSettings(int rounds, int perSecond, int clients, Duration warmUp, Duration gap, Duration brokerDown,
                     Duration postgresDown, Duration pause, Duration recoveryTimeout, Duration settleTimeout,
                     Duration giveUp, Duration reconnectEvery) {

    static ChaosSettings fromSystemProperties() {
        ChaosSettings settings = new ChaosSettings(
                Integer.getInteger("chaos.rounds", 20_000),
                Integer.getInteger("chaos.rate", 50),
                Integer.getInteger("chaos.clients", 32),
                seconds("chaos.warmup", 30),
                seconds("chaos.gap", 15),
                seconds("chaos.broker-down", 15),
                seconds("chaos.postgres-down", 10),
                seconds("chaos.pause", 25),
                seconds("chaos.recovery-timeout", 180),
                seconds("chaos.settle-timeout", 600),
                seconds("chaos.give-up", 600),
                seconds("chaos.reconnect-every", 30));
        if (settings.rounds < 1 || settings.perSecond < 1 || settings.clients < 1) {
            throw new IllegalArgumentException("chaos.rounds, chaos.rate and chaos.clients must be at least 1");
        }
        return settings;
    }

    String describe() {
        return String.format(Locale.ROOT, "at least %,d rounds at %d/s by %d client threads; warm-up %d s, %d s between"
                        + " faults; broker down %d s, PostgreSQL down %d s, SIGSTOP %d s; recovery timeout %d s",
                rounds, perSecond, clients, warmUp.toSeconds(), gap.toSeconds(), brokerDown.toSeconds(),
                postgresDown.toSeconds(), pause.toSeconds(), recoveryTimeout.toSeconds());
    }

    private static Duration seconds(String property, long fallback) {
        return Duration.ofSeconds(Long.getLong(property, fallback));
    }
}
