package io.aigcwatch.kit.time;

import java.time.Duration;

/** For background loops that wait between rounds and must end promptly when their thread is interrupted. */
public final class Pause {
    private Pause() {
    }

    /** Waits, or returns early with the thread's interrupt flag set again, so that the loop sees it and ends. */
    public static void quietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
