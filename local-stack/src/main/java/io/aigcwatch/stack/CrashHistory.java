package io.aigcwatch.stack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The crashes of one service, as its {@link RestartPolicy} weighs them. Not thread-safe: its supervisor guards it. */
final class CrashHistory {
    private final RestartPolicy policy;
    private final Deque<Long> withinWindow = new ArrayDeque<>();
    private int streak;

    CrashHistory(RestartPolicy policy) {
        this.policy = policy;
    }

    /**
     * Records a crash.
     *
     * @param nanos when, on the {@link System#nanoTime()} scale
     * @return how long to wait before the next start; empty once the service has crashed too often to try again
     */
    Optional<Duration> crashed(long nanos) {
        long windowStart = nanos - policy.window().toNanos();
        Long previous = withinWindow.peekLast();
        streak = previous != null && previous - windowStart >= 0 ? streak + 1 : 1;
        while (!withinWindow.isEmpty() && withinWindow.peekFirst() - windowStart < 0) {
            withinWindow.removeFirst();
        }
        withinWindow.addLast(nanos);
        return withinWindow.size() >= policy.crashLimit() ? Optional.empty() : Optional.of(policy.delay(streak));
    }

    /** Crashes within the window, the last one included. */
    int recent() {
        return withinWindow.size();
    }
}
