package io.aigcwatch.stack;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service of the stack, started again whenever it exits without the stack asking it to, after a wait that
 * grows with each crash in a row, until it has crashed too often for another try to help ({@link RestartPolicy}).
 * The console says what happened: which service, its exit code, the restart, and when it is healthy again.
 */
final class SupervisedService {
    private static final Map<Integer, String> SIGNALS = Map.of(6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV",
            15, "SIGTERM");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    /** Starts one JVM of the service. */
    @FunctionalInterface
    interface Starter {
        /** @param restart false for the stack's own start, true for a start after a crash */
        ServiceProcess start(boolean restart);
    }

    private final String name;
    private final Starter starter;
    private final RestartPolicy policy;
    private final CrashHistory crashes;
    private final PrintStream console;
    private final HttpClient http;
    private final Duration healthTimeout;
    private final ScheduledExecutorService restarts;
    private ServiceProcess current;
    private boolean stopping;
    private int restartCount;
    private ScheduledFuture<?> pendingRestart;

    SupervisedService(String name, Starter starter, RestartPolicy policy, PrintStream console, HttpClient http,
                      Duration healthTimeout) {
        this.name = name;
        this.starter = starter;
        this.policy = policy;
        this.crashes = new CrashHistory(policy);
        this.console = console;
        this.http = http;
        this.healthTimeout = healthTimeout;
        this.restarts = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, name + "-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    String name() {
        return name;
    }

    synchronized ServiceProcess process() {
        return current;
    }

    /** The stack's own start, not yet supervised: a service that never gets healthy fails the stack's start. */
    synchronized void start() {
        current = starter.start(false);
    }

    /** Waits for the stack's own start to answer its health check, and from then on restarts it when it exits. */
    void awaitHealthyThenSupervise() {
        ServiceProcess first = process();
        first.awaitHealthy(http, healthTimeout);
        watch(first);
    }

    /** From now on an exit is the stack's own doing: nothing is restarted, and a pending restart is dropped. */
    void stopSupervising() {
        synchronized (this) {
            stopping = true;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
            }
        }
        // Interrupts a restart that waits for health, so the stop does not wait for it.
        restarts.shutdownNow();
    }

    void requestStop() {
        stopSupervising();
        process().requestStop();
    }

    /** @return whether the service exited by itself within the grace, rather than being killed */
    boolean awaitStop(Duration grace) {
        return process().awaitStop(grace);
    }

    private void watch(ServiceProcess process) {
        process.onExit().thenAccept(exited -> exited(process, exited.exitValue()));
    }

    private synchronized void exited(ServiceProcess process, int exitCode) {
        if (stopping || process != current) {
            return;
        }
        long exitedAt = System.nanoTime();
        Optional<Duration> delay = crashes.crashed(exitedAt);
        String what = name + " (pid " + process.pid() + ") exited unexpectedly with code " + exitCode
                + signalName(exitCode);
        if (delay.isEmpty()) {
            say("!! " + what + ". It crashed " + crashes.recent() + " times within " + human(policy.window())
                    + ", so the stack no longer restarts it and runs on without it (GET /api/health reports it"
                    + " down). Fix what its log says, then restart the stack. The last lines of " + process.log()
                    + ":\n" + process.tail());
            return;
        }
        int restart = ++restartCount;
        say(what + "; restart " + restart + " in " + human(delay.get()) + " (" + crashes.recent()
                + (crashes.recent() == 1 ? " crash" : " crashes") + " within " + human(policy.window())
                + "; at " + policy.crashLimit() + " the stack gives up). Log: " + process.log());
        pendingRestart = restarts.schedule(() -> restart(restart, exitedAt), delay.get().toNanos(),
                TimeUnit.NANOSECONDS);
    }

    private void restart(int restart, long exitedAt) {
        ServiceProcess process;
        synchronized (this) {
            if (stopping) {
                return;
            }
            try {
                process = starter.start(true);
            } catch (StackException e) {
                say("!! cannot start " + name + " again, so the stack runs on without it: " + e.getMessage());
                return;
            }
            current = process;
        }
        watch(process);
        try {
            process.awaitHealthy(http, healthTimeout);
            say(String.format(Locale.ROOT, "%s is healthy again (restart %d, pid %d), %.1f s after it exited",
                    name, restart, process.pid(), (System.nanoTime() - exitedAt) / 1e9));
        } catch (StackException e) {
            // Dead already: its exit counts as the next crash, reported and weighed by exited().
            if (process.isAlive() && !isStopping()) {
                say(name + " (pid " + process.pid() + ") is not healthy " + human(healthTimeout) + " after restart "
                        + restart + "; killing it to try again");
                process.kill();
            }
        }
    }

    private synchronized boolean isStopping() {
        return stopping;
    }

    private void say(String news) {
        console.println("[aigcwatch] " + LocalTime.now().format(CLOCK) + " " + news);
    }

    private static String signalName(int exitCode) {
        String signal = SIGNALS.get(exitCode - 128);
        return signal == null ? "" : " (" + signal + ")";
    }

    private static String human(Duration duration) {
        if (duration.toSeconds() >= 60 && duration.toSeconds() % 60 == 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s"
                : String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
