package io.aigcwatch.stack;

import io.aigcwatch.testkit.stack.StackLauncher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The launcher in a JVM of its own with every service jar, on free ports in a fresh home and with an admin key of
 * the test's, for a test that only needs the API at the gateway; stopped as a user stops it.
 */
public final class StackProcess implements AutoCloseable {
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofMinutes(2);

    private final Process launcher;
    private final URI gateway;
    private final String apiKey;

    private StackProcess(Process launcher, URI gateway, String apiKey) {
        this.launcher = launcher;
        this.gateway = gateway;
        this.apiKey = apiKey;
    }

    public static StackProcess start(Path dir) throws IOException {
        List<Integer> ports = StandIns.freePorts(Service.values().length + 2);
        Map<String, String> env = new HashMap<>(LauncherProcess.environment(dir.resolve("home"), ports));
        String key = "aw_test_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        env.put("AIGCWATCH_API_KEYS", key + "=read+write+admin");
        StackConfig config = StackConfig.from(env, System.getProperties(), Path.of(""));
        Path output = dir.resolve("launcher.out");
        Process launcher = LauncherProcess.launch(config.repoRoot(), env, output);
        try {
            LauncherProcess.awaitUp(launcher, output, START);
        } catch (RuntimeException | Error e) {
            stop(launcher);
            throw e;
        }
        return new StackProcess(launcher, URI.create("http://localhost:" + config.port(Service.GATEWAY)), key);
    }

    public URI gateway() {
        return gateway;
    }

    public String apiKey() {
        return apiKey;
    }

    @Override
    public void close() {
        stop(launcher);
    }

    private static void stop(Process launcher) {
        StackLauncher.stopOrKill(launcher, STOP);
    }
}
