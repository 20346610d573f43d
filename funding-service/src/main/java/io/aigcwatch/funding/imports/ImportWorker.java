package io.aigcwatch.funding.imports;

import io.aigcwatch.kit.time.Pause;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs import jobs in the background, oldest first, one chunk per transaction ({@link ImportChunks}). On start it
 * resumes a job that was RUNNING or QUEUED when the service stopped, from the last chunk that committed.
 */
@Singleton
class ImportWorker implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ImportWorker.class);
    private static final int ATTEMPTS = 3;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ImportJobRepository jobs;
    private final ImportChunks chunks;
    private final TransactionOperations<Connection> transactions;
    private final ImportsConfig config;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private volatile Thread thread;

    ImportWorker(ImportJobRepository jobs, ImportChunks chunks, TransactionOperations<Connection> transactions,
                 ImportsConfig config) {
        this.jobs = jobs;
        this.chunks = chunks;
        this.transactions = transactions;
        this.config = config;
    }

    /** Once the server runs, so that every start-up task is done: a chunk checked before the FX table loaded would refuse every non-USD row. */
    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        running = true;
        Thread worker = new Thread(this::run, "import-worker");
        worker.setDaemon(true);
        thread = worker;
        worker.start();
    }

    /** A job was queued: start on it now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                Optional<UUID> job = jobs.nextPending();
                if (job.isPresent()) {
                    runJob(job.get());
                } else {
                    wake.tryAcquire(config.pollMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Import worker failed; retrying in {}", RETRY_AFTER, e);
                Pause.quietly(RETRY_AFTER);
            }
        }
    }

    private void runJob(UUID id) {
        int failures = 0;
        while (running) {
            try {
                if (!chunks.applyNext(id)) {
                    return;
                }
                failures = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                if (++failures >= ATTEMPTS) {
                    LOG.error("Import {} failed {} times in a row; giving up", id, failures, e);
                    transactions.executeWrite(status -> {
                        jobs.fail(id, "the import stopped on an unexpected error: " + e.getMessage());
                        return null;
                    });
                    return;
                }
                LOG.warn("Import {} chunk failed; retrying in {}", id, RETRY_AFTER, e);
                Pause.quietly(RETRY_AFTER);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
        }
    }
}
