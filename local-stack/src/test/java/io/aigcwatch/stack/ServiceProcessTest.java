package io.aigcwatch.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceProcessTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aHealthyServiceIsSeenAndStopsOnSigterm(@TempDir Path logs) throws Exception {
        int port = StandIns.freePorts(1).get(0);
        ServiceProcess service = start(logs, port, "healthy");

        service.awaitHealthy(http, Duration.ofSeconds(30));
        service.requestStop();
        service.awaitStop(Duration.ofSeconds(15));

        assertFalse(service.isAlive());
        // The shutdown hook ran, so the stop was a SIGTERM the service could act on, not a kill.
        assertTrue(Files.readString(service.log()).contains("stand-in stopped by a signal"), service.tail());
        assertTrue(PortCheck.isFree(port));
    }

    @Test
    void aServiceThatDiesWhileStartingFailsAtOnceWithItsLog(@TempDir Path logs) {
        ServiceProcess service = start(logs, StandIns.freePorts(1).get(0), "crash");

        StackException error = assertThrows(StackException.class,
                () -> service.awaitHealthy(http, Duration.ofSeconds(60)));

        assertTrue(error.getMessage().startsWith("stand-in exited with code 3 before it was healthy"),
                error.getMessage());
        assertTrue(error.getMessage().contains("stand-in crashed on purpose"), error.getMessage());
    }

    @Test
    void aServiceThatNeverTurnsHealthyFailsAtTheDeadlineWithWhatItLastAnswered(@TempDir Path logs) {
        ServiceProcess service = start(logs, StandIns.freePorts(1).get(0), "unhealthy");
        try {
            StackException error = assertThrows(StackException.class,
                    () -> service.awaitHealthy(http, Duration.ofSeconds(4)));
            assertTrue(error.getMessage().contains("the last 4 s of them without a line in its log (last: HTTP 503)"),
                    error.getMessage());
        } finally {
            service.requestStop();
            service.awaitStop(Duration.ofSeconds(15));
        }
    }

    @Test
    void aServiceThatLogsItsProgressIsWaitedForPastTheQuietTimeout(@TempDir Path logs) throws Exception {
        // a schema migration over a large database takes longer than a start may stay silent, and says so as it goes
        ServiceProcess service = start(logs, StandIns.freePorts(1).get(0), "migrating");
        try {
            service.awaitHealthy(http, Duration.ofSeconds(3));
            assertTrue(Files.readString(service.log()).contains("stand-in migrating: step 8 of 8"), service.tail());
        } finally {
            service.requestStop();
            service.awaitStop(Duration.ofSeconds(15));
        }
    }

    @Test
    void aHealthAnswerFromAnotherProgramOnThePortDoesNotPassForTheService(@TempDir Path logs) throws Exception {
        HttpServer squatter = HttpServer.create(new InetSocketAddress(0), 0);
        squatter.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        squatter.start();
        try {
            int port = squatter.getAddress().getPort();
            assertTrue(PortOwner.listensOn(ProcessHandle.current().pid(), port));
            ServiceProcess service = start(logs, port, "healthy");

            StackException error = assertThrows(StackException.class,
                    () -> service.awaitHealthy(http, Duration.ofSeconds(60)));

            assertTrue(error.getMessage().startsWith("stand-in exited with code 1 before it was healthy"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("BindException"), error.getMessage());
        } finally {
            squatter.stop(0);
        }
    }

    @Test
    void thePreviousLogIsKeptOneGenerationBack(@TempDir Path logs) throws Exception {
        Path log = logs.resolve("stand-in.log");
        Files.writeString(log, "last run\n");
        ServiceProcess service = start(logs, StandIns.freePorts(1).get(0), "crash");
        service.onExit().join();

        assertTrue(Files.readString(logs.resolve("stand-in.log.1")).contains("last run"));
        assertFalse(Files.readString(log).contains("last run"));
    }

    @Test
    void aRestartAfterACrashGoesOnInTheSameLog(@TempDir Path logs) throws Exception {
        int port = StandIns.freePorts(1).get(0);
        start(logs, port, "crash").onExit().join();
        StandIns.process(logs, port, "crash", true).onExit().join();

        String log = Files.readString(logs.resolve("stand-in.log"));
        assertTrue(log.indexOf("stand-in crashed on purpose") < log.indexOf("restart after a crash"), log);
        assertTrue(log.lastIndexOf("stand-in crashed on purpose") > log.indexOf("restart after a crash"), log);
        assertFalse(Files.exists(logs.resolve("stand-in.log.1")));
    }

    private static ServiceProcess start(Path logs, int port, String mode) {
        return StandIns.process(logs, port, mode, false);
    }
}
