package io.aigcwatch.stack;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CrashHistoryTest {
    private final CrashHistory history = new CrashHistory(RestartPolicy.DEFAULT);

    @Test
    void theWaitDoublesFromOneSecondAndTheFifthCrashWithinTwoMinutesIsTheLast() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), history.crashed(seconds(0)));
        assertEquals(Optional.of(Duration.ofSeconds(2)), history.crashed(seconds(10)));
        assertEquals(Optional.of(Duration.ofSeconds(4)), history.crashed(seconds(20)));
        assertEquals(Optional.of(Duration.ofSeconds(8)), history.crashed(seconds(40)));
        assertEquals(Optional.empty(), history.crashed(seconds(70)));
        assertEquals(5, history.recent());
    }

    @Test
    void aServiceThatCrashesNowAndThenWaitsLongerButIsNotGivenUp() {
        Duration last = Duration.ZERO;
        for (int crash = 0; crash < 10; crash++) {
            last = history.crashed(seconds(crash * 90L)).orElseThrow();
        }
        assertEquals(Duration.ofSeconds(30), last);
        assertEquals(2, history.recent());
    }

    @Test
    void twoMinutesWithoutACrashStartTheWaitAgainAtOneSecond() {
        history.crashed(seconds(0));
        history.crashed(seconds(5));
        history.crashed(seconds(10));

        assertEquals(Optional.of(Duration.ofSeconds(1)), history.crashed(seconds(10 + 121)));
        assertEquals(1, history.recent());
    }

    @Test
    void theWaitNeverExceedsThePolicysLongest() {
        assertEquals(Duration.ofSeconds(16), RestartPolicy.DEFAULT.delay(5));
        assertEquals(Duration.ofSeconds(30), RestartPolicy.DEFAULT.delay(6));
        assertEquals(Duration.ofSeconds(30), RestartPolicy.DEFAULT.delay(1000));
    }

    private static long seconds(long seconds) {
        // Far from zero, as System.nanoTime() may be, and on either side of it.
        return -5_000_000_000L + seconds * 1_000_000_000L;
    }
}
