package io.aigcwatch.stack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** {@code ./aigcwatch up}: the whole suite on one machine, without Docker. */
final class LocalStack {
    private LocalStack() {
    }

    public static void main(String[] args) {
        RunningStack stack = null;
        try {
            StackConfig config = StackConfig.from(System.getenv(), System.getProperties(), Path.of(""));
            // Before any logger exists: the servers' chatter goes to a file, the console keeps to the stack's news.
            System.setProperty("aigcwatch.logs", config.logs().toString());
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
            requireJars(config);
            HomeLock lock = HomeLock.acquire(config.home());
            PortCheck.requireFree(config);
            ApiKeys keys = config.apiKeys().map(ApiKeys::fromEnvironment)
                    .orElseGet(() -> ApiKeyFile.loadOrCreate(config.home().resolve("api-keys")));
            stack = new RunningStack(config, lock, System.out);
            Signals.onTermination(stack::close);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-stop"));
            Infra infra = stack.start(keys);
            System.out.println("[aigcwatch] " + SeedData.loadOnce(config.home(),
                    URI.create("http://localhost:" + config.port(Service.GATEWAY)), keys.adminKey()));
            System.out.print(Banner.render(config, infra, keys, stack.sinceStart()));
            stack.awaitClosed();
            System.exit(Signals.exitStatus());
        } catch (StackException e) {
            fail(stack, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(stack, "interrupted");
        } catch (RuntimeException e) {
            e.printStackTrace();
            fail(stack, e.toString());
        }
    }

    private static void requireJars(StackConfig config) {
        List<Path> missing = Arrays.stream(Service.values()).map(config::jar)
                .filter(jar -> !Files.isRegularFile(jar)).toList();
        if (!missing.isEmpty()) {
            throw new StackException("missing service jars " + missing
                    + ": build them with `./aigcwatch up` or `mvn -B -DskipTests package`");
        }
    }

    private static void fail(RunningStack stack, String message) {
        System.err.println("[aigcwatch] " + message);
        if (stack != null) {
            stack.close();
        }
        System.exit(1);
    }
}
