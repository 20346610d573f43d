package io.aigcwatch.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackConfigTest {

    @Test
    void defaultsFollowTheLayoutAndTheRepositoryIsFoundAboveTheWorkingDirectory(@TempDir Path dir) throws IOException {
        Path repo = StandIns.fakeRepo(dir.resolve("repo"));
        Path below = Files.createDirectories(repo.resolve("funding-service/src"));

        StackConfig config = StackConfig.from(Map.of(), new Properties(), below);

        assertEquals(repo, config.repoRoot());
        assertEquals(below.resolve(".aigcwatch"), config.home());
        assertEquals(8080, config.port(Service.GATEWAY));
        assertEquals(8081, config.port(Service.FUNDING));
        assertEquals(8082, config.port(Service.VALUATION));
        assertEquals(8083, config.port(Service.MARKET));
        assertEquals(8084, config.port(Service.NOTIFICATION));
        assertEquals(5433, config.postgresPort());
        assertEquals(9092, config.kafkaPort());
        assertEquals(Optional.empty(), config.apiKeys());
        assertEquals(repo.resolve("market-service/target/market-service.jar"), config.jar(Service.MARKET));
        assertEquals(repo.resolve("gateway/target/gateway.jar"), config.jar(Service.GATEWAY));
    }

    @Test
    void theEnvironmentOverridesPortsHomeAndKeys(@TempDir Path dir) throws IOException {
        Path repo = StandIns.fakeRepo(dir.resolve("repo"));
        Properties properties = new Properties();
        properties.setProperty(StackConfig.REPO_PROPERTY, repo.toString());
        Map<String, String> env = Map.of(
                "AIGCWATCH_HOME", "state",
                "AIGCWATCH_GATEWAY_PORT", "18080",
                "AIGCWATCH_FUNDING_PORT", "18081",
                "AIGCWATCH_VALUATION_PORT", " 18082 ",
                "AIGCWATCH_MARKET_PORT", "18083",
                "AIGCWATCH_NOTIFICATION_PORT", "18084",
                "AIGCWATCH_POSTGRES_PORT", "15433",
                "AIGCWATCH_KAFKA_PORT", "19092",
                "AIGCWATCH_API_KEYS", "k1=read");

        StackConfig config = StackConfig.from(env, properties, dir);

        assertEquals(dir.resolve("state"), config.home());
        assertEquals(repo, config.repoRoot());
        assertEquals(Map.of(Service.GATEWAY, 18080, Service.FUNDING, 18081, Service.VALUATION, 18082,
                Service.MARKET, 18083, Service.NOTIFICATION, 18084), config.servicePorts());
        assertEquals(15433, config.postgresPort());
        assertEquals(19092, config.kafkaPort());
        assertEquals(Optional.of("k1=read"), config.apiKeys());
    }

    @Test
    void aBadPortOrAMissingRepositoryIsNamedInTheMessage(@TempDir Path dir) throws IOException {
        Path repo = StandIns.fakeRepo(dir.resolve("repo"));
        StackException badPort = assertThrows(StackException.class,
                () -> StackConfig.from(Map.of("AIGCWATCH_MARKET_PORT", "70000"), new Properties(), repo));
        assertEquals("AIGCWATCH_MARKET_PORT=70000 is not a port number (1-65535)", badPort.getMessage());

        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        StackException noRepo = assertThrows(StackException.class,
                () -> StackConfig.from(Map.of(), new Properties(), elsewhere));
        assertTrue(noRepo.getMessage().contains("-Daigcwatch.repo=DIR"), noRepo.getMessage());
    }

    @Test
    void onlyTheGatewaySeesTheApiKeysOnlyBackendsTheDatabaseAndEveryServiceTheOthersUrls(@TempDir Path dir)
            throws IOException {
        StackConfig config = StackConfig.from(Map.of("AIGCWATCH_FUNDING_PORT", "9181"), new Properties(),
                StandIns.fakeRepo(dir));
        Infra infra = new Infra("jdbc:postgresql://localhost:5433/aigcwatch", "postgres", "secret", "127.0.0.1:9092");
        ApiKeys keys = ApiKeys.fromEnvironment("aw_x=read+write+admin");

        Map<String, String> gateway = ServiceEnvironment.of(Service.GATEWAY, config, infra, keys, "cred");
        Map<String, String> valuation = ServiceEnvironment.of(Service.VALUATION, config, infra, keys, "cred");
        Map<String, String> notification = ServiceEnvironment.of(Service.NOTIFICATION, config, infra, keys, "cred");

        assertEquals("aw_x=read+write+admin", gateway.get("AIGCWATCH_API_KEYS"));
        assertEquals("true", gateway.get("AIGCWATCH_ANONYMOUS_READ"));
        assertEquals("http://127.0.0.1:9181", gateway.get("AIGCWATCH_FUNDING_URL"));
        assertEquals("http://127.0.0.1:8083", gateway.get("AIGCWATCH_MARKET_URL"));
        assertEquals("http://127.0.0.1:8084", gateway.get("AIGCWATCH_NOTIFICATION_URL"));
        assertEquals("8084", notification.get("AIGCWATCH_NOTIFICATION_PORT"));
        assertEquals("true", notification.get("AIGCWATCH_WEBHOOKS_ALLOW_PRIVATE"));
        assertEquals("", notification.get("AIGCWATCH_API_KEYS"));
        assertEquals(infra.jdbcUrl(), notification.get("AIGCWATCH_POSTGRES_URL"));
        assertFalse(gateway.containsKey("AIGCWATCH_WEBHOOKS_ALLOW_PRIVATE"), "webhooks are notification-service's");
        assertFalse(valuation.containsKey("AIGCWATCH_WEBHOOKS_ALLOW_PRIVATE"));
        assertEquals("", valuation.get("AIGCWATCH_API_KEYS"));
        assertEquals("http://127.0.0.1:9181", valuation.get("AIGCWATCH_FUNDING_URL"));
        assertEquals("8082", valuation.get("AIGCWATCH_VALUATION_PORT"));
        assertEquals(infra.jdbcUrl(), valuation.get("AIGCWATCH_POSTGRES_URL"));
        assertEquals("secret", valuation.get("AIGCWATCH_POSTGRES_PASSWORD"));
        assertEquals("127.0.0.1:9092", valuation.get("AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS"));
        assertFalse(gateway.containsKey("AIGCWATCH_POSTGRES_URL"), "the gateway has no database");
        assertFalse(gateway.containsKey("AIGCWATCH_POSTGRES_PASSWORD"));
        assertEquals("127.0.0.1:9092", gateway.get("AIGCWATCH_KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void backendsListenOnLoopbackOnlyAndEveryServiceSharesTheInternalCredential(@TempDir Path dir)
            throws IOException {
        StackConfig config = StackConfig.from(Map.of(), new Properties(), StandIns.fakeRepo(dir));
        Infra infra = new Infra("jdbc:postgresql://localhost:5433/aigcwatch", "postgres", "secret", "127.0.0.1:9092");
        ApiKeys keys = ApiKeys.fromEnvironment("aw_x=read+write+admin");

        for (Service service : Service.values()) {
            Map<String, String> env = ServiceEnvironment.of(service, config, infra, keys, "cred-1");
            assertEquals("cred-1", env.get("AIGCWATCH_INTERNAL_CREDENTIAL"), service.module());
            if (service.isBackend()) {
                assertEquals("127.0.0.1", env.get("MICRONAUT_SERVER_HOST"), service.module());
            } else {
                assertFalse(env.containsKey("MICRONAUT_SERVER_HOST"), "the gateway keeps its binding");
            }
        }
    }

    @Test
    void aStackHomeKeepsOneRandomInternalCredentialReadableByItsOwnerOnly(@TempDir Path home) throws IOException {
        String first = InternalCredentialFile.loadOrCreate(home);
        String again = InternalCredentialFile.loadOrCreate(home);

        assertEquals(first, again);
        assertTrue(first.length() >= 40, first);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve(InternalCredentialFile.NAME))));
        assertNotEquals(first, InternalCredentialFile.loadOrCreate(home.resolve("other")));
    }

    @Test
    void aTakenPortOrTheSamePortTwiceStopsTheStartWithTheVariableToChange(@TempDir Path dir) throws IOException {
        Path repo = StandIns.fakeRepo(dir);
        try (ServerSocket taken = new ServerSocket()) {
            // Held on loopback only: the check must still see it, as the services bind every address.
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertFalse(PortCheck.isFree(port));
            Map<String, String> env = freePorts();
            env.put("AIGCWATCH_VALUATION_PORT", Integer.toString(port));
            StackConfig config = StackConfig.from(env, new Properties(), repo);
            StackException error = assertThrows(StackException.class, () -> PortCheck.requireFree(config));
            assertTrue(error.getMessage().startsWith("port " + port + " for valuation-service"
                    + " (AIGCWATCH_VALUATION_PORT) is already in use"), error.getMessage());
        }
        Map<String, String> env = freePorts();
        env.put("AIGCWATCH_KAFKA_PORT", env.get("AIGCWATCH_FUNDING_PORT"));
        StackConfig twice = StackConfig.from(env, new Properties(), repo);
        StackException error = assertThrows(StackException.class, () -> PortCheck.requireFree(twice));
        assertEquals("port " + env.get("AIGCWATCH_FUNDING_PORT") + " is set for both funding-service (AIGCWATCH_FUNDING_PORT) and Kafka"
                + " (AIGCWATCH_KAFKA_PORT)", error.getMessage());
    }

    /** Every port of the stack on a free one, so that the test passes beside a stack that runs on the defaults. */
    private static Map<String, String> freePorts() throws IOException {
        Map<String, String> env = new java.util.HashMap<>();
        for (String variable : List.of("AIGCWATCH_GATEWAY_PORT", "AIGCWATCH_FUNDING_PORT", "AIGCWATCH_VALUATION_PORT",
                "AIGCWATCH_MARKET_PORT", "AIGCWATCH_NOTIFICATION_PORT", "AIGCWATCH_POSTGRES_PORT",
                "AIGCWATCH_KAFKA_PORT")) {
            try (ServerSocket socket = new ServerSocket(0)) {
                env.put(variable, Integer.toString(socket.getLocalPort()));
            }
        }
        return env;
    }
}
