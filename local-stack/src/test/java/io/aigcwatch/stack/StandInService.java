package io.aigcwatch.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays one of the five services in the launcher's tests, where the real jars may not be built: it answers
 * GET /health, and GET /env shows the AIGCWATCH_* and MICRONAUT_* variables it was given. Packed as
 * {@code <module>.jar} it reads its port from that module's variable; {@code args[0]} can name the variable
 * instead, {@code args[1]} a mode.
 */
public final class StandInService {
    private StandInService() {
    }

    public static void main(String[] args) throws Exception {
        String portVariable = args.length > 0 ? args[0] : portVariableOfJar();
        String mode = args.length > 1 ? args[1] : "healthy";
        System.out.println("stand-in starting on " + portVariable + " in mode " + mode);
        if (mode.equals("crash")) {
            System.out.println("stand-in crashed on purpose");
            System.exit(3);
        }
        if (mode.equals("migrating")) {
            // as a service whose schema migration takes a while: a progress line a second, then it serves
            CountDownLatch migrated = new CountDownLatch(8);
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleAtFixedRate(() -> {
                System.out.println("stand-in migrating: step " + (9 - migrated.getCount()) + " of 8");
                migrated.countDown();
            }, 1, 1, TimeUnit.SECONDS);
            migrated.await();
            ticker.shutdown();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(System.getenv(portVariable))), 0);
        server.createContext("/health", exchange -> reply(exchange, mode.equals("unhealthy") ? 503 : 200,
                "{\"status\":\"" + (mode.equals("unhealthy") ? "DOWN" : "UP") + "\"}"));
        server.createContext("/env", exchange -> {
            Map<String, String> env = new TreeMap<>(System.getenv());
            env.keySet().removeIf(name -> !name.startsWith("AIGCWATCH_") && !name.startsWith("MICRONAUT_"));
            StringBuilder body = new StringBuilder();
            env.forEach((name, value) -> body.append(name).append('=').append(value).append('\n'));
            reply(exchange, 200, body.toString());
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("stand-in stopped by a signal")));
        System.out.println("stand-in listening");
    }

    private static String portVariableOfJar() throws Exception {
        String jar = Path.of(StandInService.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getFileName().toString();
        String module = jar.substring(0, jar.length() - ".jar".length());
        return "AIGCWATCH_" + module.replace("-service", "").toUpperCase(Locale.ROOT) + "_PORT";
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
