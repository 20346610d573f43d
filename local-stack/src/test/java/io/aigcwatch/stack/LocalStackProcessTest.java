package io.aigcwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.aigcwatch.stack.LauncherProcess.awaitUp;
import static io.aigcwatch.stack.LauncherProcess.launch;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher as a user runs it, with stand-ins for the five service jars and real PostgreSQL and Kafka. */
class LocalStackProcessTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void upServesEveryServiceAndSigtermStopsAllOfIt(@TempDir Path dir) throws Exception {
        Path repo = StandIns.fakeRepo(dir.resolve("repo"));
        Path home = dir.resolve("home");
        List<Integer> ports = StandIns.freePorts(7);
        Map<String, String> env = environment(home, ports);
        Path output = dir.resolve("launcher.out");
        Process launcher = launch(repo, env, output);
        try {
            awaitUp(launcher, output, Duration.ofMinutes(2));
            String key = Files.readString(home.resolve("api-keys")).trim().split("=")[0];
            String banner = Files.readString(output);
            assertTrue(banner.contains(key) && banner.contains("http://localhost:" + ports.get(0)), banner);

            for (int port : ports.subList(0, 5)) {
                assertEquals(200, get(port, "/health").statusCode());
            }
            String gatewayEnv = get(ports.get(0), "/env").body();
            assertTrue(gatewayEnv.contains("AIGCWATCH_API_KEYS=" + key + "=read+write+admin,aw_"), gatewayEnv);
            assertTrue(gatewayEnv.contains("AIGCWATCH_FUNDING_URL=http://127.0.0.1:" + ports.get(1) + "\n"),
                    gatewayEnv);
            assertTrue(gatewayEnv.contains("AIGCWATCH_NOTIFICATION_URL=http://127.0.0.1:" + ports.get(4) + "\n"),
                    gatewayEnv);
            String notificationEnv = get(ports.get(4), "/env").body();
            assertTrue(notificationEnv.contains("AIGCWATCH_WEBHOOKS_ALLOW_PRIVATE=true\n"), notificationEnv);
            assertTrue(notificationEnv.contains("AIGCWATCH_POSTGRES_URL=jdbc:postgresql://localhost:" + ports.get(5)
                    + "/aigcwatch\n"), notificationEnv);
            String marketEnv = get(ports.get(3), "/env").body();
            assertTrue(marketEnv.contains("AIGCWATCH_POSTGRES_URL=jdbc:postgresql://localhost:" + ports.get(5)
                    + "/aigcwatch\n"), marketEnv);
            assertTrue(marketEnv.contains("AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:" + ports.get(6) + "\n"),
                    marketEnv);
            assertTrue(marketEnv.contains("AIGCWATCH_API_KEYS=\n"), marketEnv);
            String credential = Files.readString(home.resolve(InternalCredentialFile.NAME)).strip();
            assertTrue(marketEnv.contains("MICRONAUT_SERVER_HOST=127.0.0.1\n"), marketEnv);
            assertTrue(marketEnv.contains("AIGCWATCH_INTERNAL_CREDENTIAL=" + credential + "\n"), marketEnv);
            assertTrue(gatewayEnv.contains("AIGCWATCH_INTERNAL_CREDENTIAL=" + credential + "\n"), gatewayEnv);
            assertFalse(gatewayEnv.contains("MICRONAUT_SERVER_HOST="), gatewayEnv);
            assertTrue(Files.readString(home.resolve("logs/valuation-service.log")).contains("stand-in listening"));

            Process second = launch(repo, env, dir.resolve("second.out"));
            assertTrue(second.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, second.exitValue());
            String refused = Files.readString(dir.resolve("second.out"));
            assertTrue(refused.contains("another local stack is running on " + home), refused);

            List<ProcessHandle> services = launcher.descendants().toList();
            assertEquals(5, services.size(), services.toString());

            stopWithSigterm(launcher, services, ports);
            String log = Files.readString(home.resolve("logs/gateway.log"));
            assertTrue(log.contains("stand-in stopped by a signal"), log);
            assertTrue(Files.readString(output).contains("stopped in"), Files.readString(output));
            for (Service service : Service.values()) {
                assertTrue(Files.isRegularFile(home.resolve("cds").resolve(service.module() + ".jsa")),
                        "a clean stop leaves the class archive for the next start: " + service);
            }
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void aServiceKilledWithSigkillIsHealthyAgainWithin30SecondsAndAStopRestartsNothing(@TempDir Path dir)
            throws Exception {
        Path repo = StandIns.fakeRepo(dir.resolve("repo"));
        Path home = dir.resolve("home");
        List<Integer> ports = StandIns.freePorts(7);
        Path output = dir.resolve("launcher.out");
        Process launcher = launch(repo, environment(home, ports), output);
        try {
            awaitUp(launcher, output, Duration.ofMinutes(2));
            ProcessHandle valuation = serviceProcess(launcher, Service.VALUATION);

            valuation.destroyForcibly();

            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.readString(output).contains("valuation-service is healthy again (restart 1,"));
            String console = Files.readString(output);
            assertTrue(console.contains("valuation-service (pid " + valuation.pid() + ") exited unexpectedly with"
                    + " code 137 (SIGKILL); restart 1 in 1 s"), console);
            ProcessHandle restarted = serviceProcess(launcher, Service.VALUATION);
            assertNotEquals(valuation.pid(), restarted.pid());
            assertEquals(200, get(ports.get(2), "/health").statusCode());
            String log = Files.readString(home.resolve("logs/valuation-service.log"));
            assertTrue(log.contains("restart after a crash"), log);

            stopWithSigterm(launcher, launcher.descendants().toList(), ports);
            String afterStop = Files.readString(output).substring(console.length());
            assertTrue(afterStop.contains("stopped in"), afterStop);
            assertFalse(afterStop.contains("exited unexpectedly"), afterStop);
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    /** Every service, PostgreSQL and Kafka on the given ports, in that order, as the launcher's tests run it. */
    private static Map<String, String> environment(Path home, List<Integer> ports) {
        return Map.of(
                "AIGCWATCH_HOME", home.toString(),
                "AIGCWATCH_GATEWAY_PORT", ports.get(0).toString(),
                "AIGCWATCH_FUNDING_PORT", ports.get(1).toString(),
                "AIGCWATCH_VALUATION_PORT", ports.get(2).toString(),
                "AIGCWATCH_MARKET_PORT", ports.get(3).toString(),
                "AIGCWATCH_NOTIFICATION_PORT", ports.get(4).toString(),
                "AIGCWATCH_POSTGRES_PORT", ports.get(5).toString(),
                "AIGCWATCH_KAFKA_PORT", ports.get(6).toString());
    }

    private static ProcessHandle serviceProcess(Process launcher, Service service) {
        String jar = service.module() + ".jar";
        List<ProcessHandle> found = launcher.descendants()
                .filter(process -> process.info().commandLine().orElse("").contains(jar))
                .toList();
        assertEquals(1, found.size(), "the JVMs running " + jar + ": " + found);
        return found.get(0);
    }

    /** As Ctrl-C or `./aigcwatch down` stops it: every service and both servers are gone afterwards. */
    private static void stopWithSigterm(Process launcher, List<ProcessHandle> services, List<Integer> ports)
            throws InterruptedException {
        launcher.destroy();
        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, launcher.exitValue());
        for (ProcessHandle service : services) {
            assertFalse(service.isAlive(), service + " outlived the launcher");
        }
        for (int port : ports) {
            assertTrue(PortCheck.isFree(port), "port " + port + " still taken");
        }
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
