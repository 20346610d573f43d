package io.aigcwatch.stack;

import java.time.Duration;

/**
 * When the stack starts a crashed service again, and when it stops trying.
 *
 * @param firstDelay the wait before the first restart, doubled for each crash that follows within {@code window}
 * @param maxDelay   the longest wait
 * @param crashLimit this many crashes within {@code window} and the service stays down: a crash loop only burns
 *                   the two cores the rest of the stack needs, and its log says why
 * @param window     how far back crashes count; as long without a crash resets the wait to {@code firstDelay}
 */
record RestartPolicy(Duration firstDelay, Duration maxDelay, int crashLimit, Duration window) {
    static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2));

    RestartPolicy {
        if (crashLimit < 1 || firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || window.isNegative()) {
            throw new IllegalArgumentException("not a restart policy: " + firstDelay + ", " + maxDelay + ", "
                    + crashLimit + ", " + window);
        }
    }

    /** @param streak crashes in a row, this one included, each within {@code window} of the one before */
    Duration delay(int streak) {
        Duration delay = firstDelay;
        for (int crash = 1; crash < streak && delay.compareTo(maxDelay) < 0; crash++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
