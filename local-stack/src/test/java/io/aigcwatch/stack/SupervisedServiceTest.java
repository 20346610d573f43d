package io.aigcwatch.stack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stand-in service under supervision: killed, crashing in a loop, stopped on purpose. */
class SupervisedServiceTest {
    /** Short waits, so that a crash loop reaches its limit within seconds. */
    private static final RestartPolicy QUICK =
            new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 3, Duration.ofMinutes(1));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ByteArrayOutputStream consoleBytes = new ByteArrayOutputStream();
    private final PrintStream console = new PrintStream(consoleBytes, true, StandardCharsets.UTF_8);
    private final AtomicInteger starts = new AtomicInteger();
    private final List<SupervisedService> started = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        started.forEach(SupervisedService::requestStop);
        started.forEach(service -> service.awaitStop(Duration.ofSeconds(15)));
    }

    @Test
    void aServiceKilledWithSigkillIsHealthyAgainWithin30SecondsAndTheConsoleSaysSo(@TempDir Path logs)
            throws Exception {
        int port = StandIns.freePorts(1).get(0);
        SupervisedService service = supervise(logs, port, RestartPolicy.DEFAULT, "healthy", "healthy");
        long killed = service.process().pid();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> console().contains("stand-in is healthy again (restart 1, pid "));
        assertTrue(console().contains("stand-in (pid " + killed + ") exited unexpectedly with code 137 (SIGKILL);"
                + " restart 1 in 1 s (1 crash within 2 min; at 5 the stack gives up). Log: "
                + logs.resolve("stand-in.log")), console());
        assertNotEquals(killed, service.process().pid());
        assertTrue(service.process().isAlive());
        assertEquals(200, health(port));
        assertEquals(2, starts.get());
    }

    @Test
    void aServiceThatKeepsCrashingIsGivenUpOnAndReportedWithItsLog(@TempDir Path logs) {
        int port = StandIns.freePorts(1).get(0);
        SupervisedService service = supervise(logs, port, QUICK, "healthy", "crash");

        ProcessHandle.of(service.process().pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> console().contains("so the stack no longer restarts it"));
        String console = console();
        assertTrue(console.contains("restart 1 in 0.1 s (1 crash within 1 min; at 3 the stack gives up)"), console);
        assertTrue(console.contains("exited unexpectedly with code 3; restart 2 in 0.2 s (2 crashes"), console);
        assertTrue(console.contains("!! stand-in (pid " + service.process().pid() + ") exited unexpectedly with"
                + " code 3. It crashed 3 times within 1 min"), console);
        assertTrue(console.contains("stand-in crashed on purpose"), "the log's last lines: " + console);
        assertFalse(console.contains("restart 3"), console);
        // Longer than every wait of the policy together: had a third restart been scheduled, it would have run.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> starts.get() == 3 && !service.process().isAlive());
    }

    @Test
    void aRestartThatNeverTurnsHealthyIsKilledAndCountsAsACrash(@TempDir Path logs) {
        int port = StandIns.freePorts(1).get(0);
        RestartPolicy twoCrashes = new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(100), 2,
                Duration.ofMinutes(1));
        SupervisedService service = supervise(logs, port, twoCrashes, Duration.ofSeconds(3), "healthy", "unhealthy");

        ProcessHandle.of(service.process().pid()).orElseThrow().destroyForcibly();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> console().contains("so the stack no longer restarts it"));
        assertTrue(console().contains("is not healthy 3 s after restart 1; killing it to try again"), console());
        assertTrue(console().contains("It crashed 2 times within 1 min"), console());
        assertEquals(2, starts.get());
    }

    @Test
    void aStopOnPurposeRestartsNothing(@TempDir Path logs) {
        int port = StandIns.freePorts(1).get(0);
        SupervisedService service = supervise(logs, port, QUICK, "healthy", "healthy");

        service.requestStop();
        assertTrue(service.awaitStop(Duration.ofSeconds(15)));

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> starts.get() == 1 && !service.process().isAlive() && PortCheck.isFree(port));
        assertEquals("", console());
    }

    private SupervisedService supervise(Path logs, int port, RestartPolicy policy, String firstMode,
                                        String restartMode) {
        return supervise(logs, port, policy, Duration.ofSeconds(30), firstMode, restartMode);
    }

    private SupervisedService supervise(Path logs, int port, RestartPolicy policy, Duration healthTimeout,
                                        String firstMode, String restartMode) {
        SupervisedService service = new SupervisedService("stand-in", restart -> {
            starts.incrementAndGet();
            return StandIns.process(logs, port, restart ? restartMode : firstMode, restart);
        }, policy, console, http, healthTimeout);
        started.add(service);
        service.start();
        service.awaitHealthyThenSupervise();
        return service;
    }

    private String console() {
        return consoleBytes.toString(StandardCharsets.UTF_8);
    }

    private int health(int port) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
