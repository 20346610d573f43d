package io.aigcwatch.stack.chaos;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * New rounds at a steady rate on the clock, whether or not earlier ones have been answered: during an outage the
 * rounds that wait for a retry pile up, as they would for real clients, and drain once the suite is back.
 */
final class SteadyLoad {
    private final RoundClient client;
    private final String run;
    private final int perSecond;
    private final ExecutorService clients;
    private final Queue<RoundClient.Posted> posted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger answered = new AtomicInteger();

    SteadyLoad(RoundClient client, String run, int perSecond, int clientThreads) {
        this.client = client;
        this.run = run;
        this.perSecond = perSecond;
        this.clients = Executors.newFixedThreadPool(clientThreads);
    }

    /**
     * Starts rounds until at least {@code rounds} have started and {@code faultsOver} holds, then waits until every
     * round has been acknowledged or given up.
     */
    void run(int rounds, BooleanSupplier faultsOver) throws InterruptedException {
        long intervalNanos = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int n = 1; n <= rounds || !faultsOver.getAsBoolean(); n++) {
            long wait = start + (n - 1) * intervalNanos - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            Round round = new Round(run, n, false);
            started.incrementAndGet();
            clients.execute(() -> {
                try {
                    posted.add(client.post(round));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    answered.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        // every round's own give-up bounds this
        while (!clients.awaitTermination(10, TimeUnit.SECONDS)) {
            System.out.printf("[chaos] %d of %d rounds still waiting for an answer%n", started.get() - answered.get(),
                    started.get());
        }
    }

    int started() {
        return started.get();
    }

    List<RoundClient.Posted> posted() {
        return List.copyOf(posted);
    }
}
