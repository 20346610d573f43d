package io.aigcwatch.contract.dashboard;

import io.aigcwatch.testkit.stack.LocalStackRun;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The stack a dashboard program (the benchmark, the screenshots) runs against: by default one it starts from the
 * packaged {@code local-stack.jar} as {@code ./aigcwatch up} does, on free ports under {@code target/}; with
 * {@code -Ddashboard.url=http://localhost:8080}, one a user already runs with {@code ./aigcwatch up}, whose read
 * key comes from {@code -Ddashboard.key-file} (default {@code .aigcwatch/api-keys} of the repository).
 */
final class DashboardTarget implements AutoCloseable {
    private final URI gateway;
    private final String readKey;
    private final LocalStackRun started;

    private DashboardTarget(URI gateway, String readKey, LocalStackRun started) {
        this.gateway = gateway;
        this.readKey = readKey;
        this.started = started;
    }

    static DashboardTarget fromProperties(Path repo, Path work) throws IOException {
        String url = System.getProperty("dashboard.url", "");
        if (!url.isBlank()) {
            Path keys = Path.of(System.getProperty("dashboard.key-file",
                    repo.resolve(".aigcwatch").resolve("api-keys").toString()));
            return new DashboardTarget(URI.create(url), readKey(keys), null);
        }
        System.out.println("starting the packaged local stack (as ./aigcwatch up runs it) under " + work);
        LocalStackRun stack = LocalStackRun.start(repo, work, Map.of());
        return new DashboardTarget(stack.gateway(), stack.readKey(), stack);
    }

    static Path repo() {
        return Path.of(System.getProperty("aigcwatch.repo", "")).toAbsolutePath().normalize();
    }

    URI gateway() {
        return gateway;
    }

    String readKey() {
        return readKey;
    }

    @Override
    public void close() {
        if (started != null) {
            started.close();
        }
    }

    /** The launcher's key file: {@code KEY=SCOPES} a line; the key whose scopes are exactly {@code read}. */
    private static String readKey(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::trim)
                .filter(line -> !line.startsWith("#") && line.endsWith("=read"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .findFirst().orElseThrow(() -> new IllegalStateException(file + " holds no read key"));
    }
}
