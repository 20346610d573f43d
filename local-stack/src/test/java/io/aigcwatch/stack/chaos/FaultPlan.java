package io.aigcwatch.stack.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The faults, one after another, each only once the suite has recovered from the one before and run a while
 * without one; the load goes on throughout.
 */
final class FaultPlan {
    /** Does one fault and undoes it if it must be undone. @return {@link System#nanoTime()} when the fault ended */
    @FunctionalInterface
    interface Injection {
        long inject() throws InterruptedException;
    }

    record Fault(String name, Injection injection) {
    }

    /**
     * @param at             seconds from the start of the load to the fault
     * @param held           how long the fault lasted (a broker down, a process stopped); zero for a kill
     * @param recoveredAfter from the end of the fault until a new round had gone all the way; empty if it had not
     *                       within the recovery timeout
     */
    record Outcome(String fault, Duration at, Duration held, Optional<Duration> recoveredAfter) {
    }

    private final List<Fault> faults;
    private final Recovery recovery;
    private final List<Outcome> outcomes = new ArrayList<>();
    private volatile boolean over;

    FaultPlan(List<Fault> faults, Recovery recovery) {
        this.faults = List.copyOf(faults);
        this.recovery = recovery;
    }

    /** @param loadStarted {@link System#nanoTime()} when the load started */
    void run(long loadStarted, Duration warmUp, Duration gap) throws InterruptedException {
        try {
            TimeUnit.MILLISECONDS.sleep(warmUp.toMillis());
            for (int i = 0; i < faults.size(); i++) {
                Fault fault = faults.get(i);
                long injected = System.nanoTime();
                System.out.printf(Locale.ROOT, "[chaos] %6.1f s  %s%n", seconds(injected - loadStarted), fault.name());
                long ended = fault.injection().inject();
                Optional<Duration> recovered = recovery.after(ended, i + 1);
                Outcome outcome = new Outcome(fault.name(), Duration.ofNanos(injected - loadStarted),
                        Duration.ofNanos(ended - injected), recovered);
                synchronized (outcomes) {
                    outcomes.add(outcome);
                }
                System.out.printf(Locale.ROOT, "[chaos] %6.1f s  %s%n", seconds(System.nanoTime() - loadStarted),
                        recovered.map(after -> String.format(Locale.ROOT, "recovered %.1f s after the fault ended",
                                seconds(after.toNanos()))).orElse("NOT recovered within the timeout"));
                if (i < faults.size() - 1) {
                    TimeUnit.MILLISECONDS.sleep(gap.toMillis());
                }
            }
        } finally {
            over = true;
        }
    }

    boolean over() {
        return over;
    }

    List<Outcome> outcomes() {
        synchronized (outcomes) {
            return List.copyOf(outcomes);
        }
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
