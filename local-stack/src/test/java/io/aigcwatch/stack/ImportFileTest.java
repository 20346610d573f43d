package io.aigcwatch.stack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./aigcwatch import} against a gateway stand-in that answers as the import contract says. */
class ImportFileTest {
    private static final String KEY = "aw_test";
    private final List<String> received = new ArrayList<>();
    private HttpServer gateway;

    @AfterEach
    void stop() {
        gateway.stop(0);
    }

    @Test
    void uploadsTheFileWithTheWriteKeyAndFollowsTheJobToItsEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rounds.csv");
        Files.writeString(file, "company,round\nA,SEED\nB,SEED\n");
        AtomicInteger polls = new AtomicInteger();
        start(exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                received.add(exchange.getRequestHeaders().getFirst("X-API-Key") + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).length());
                exchange.getResponseHeaders().add("Location", "/api/imports/j1");
                answer(exchange, 202, job("QUEUED", 0, "[]"));
            } else {
                answer(exchange, 200, polls.incrementAndGet() < 2 ? job("RUNNING", 1, "[]")
                        : job("DONE", 2, "[{\"line\":3,\"field\":\"round\",\"reason\":\"is bad\"}]"));
            }
        });
        ByteArrayOutputStream shown = new ByteArrayOutputStream();

        int exit = new ImportFile(uri(), KEY, new PrintStream(shown, true, StandardCharsets.UTF_8)).run(file);

        assertEquals(0, exit);
        assertEquals(List.of(KEY + " text/csv 28"), received);
        String text = shown.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("[###############...............] RUNNING   1/2 rows"), text);
        assertTrue(text.contains("import j1 DONE: 1 imported, 0 already recorded, 1 refused of 2 rows"), text);
        assertTrue(text.contains("line 3  round: is bad"), text);
    }

    @Test
    void aFailedJobOrARefusedUploadExitsNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rounds.ndjson");
        Files.writeString(file, "{}\n");
        start(exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (exchange.getRequestMethod().equals("POST")) {
                received.add(exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.getResponseHeaders().add("Location", "/api/imports/j1");
                answer(exchange, 202, job("QUEUED", 0, "[]"));
            } else {
                answer(exchange, 200, job("FAILED", 0, "[]"));
            }
        });
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertEquals(1, new ImportFile(uri(), KEY, quiet).run(file));
        assertEquals(List.of("application/x-ndjson"), received);
        assertEquals(1, new ImportFile(uri(), KEY, quiet).run(dir.resolve("missing.csv")));
    }

    private static String job(String state, long done, String refused) {
        return ("{\"id\":\"j1\",\"state\":\"%s\",\"format\":\"csv\",\"rowsTotal\":2,\"rowsDone\":%d,\"rowsImported\":%d,"
                + "\"rowsAlreadyRecorded\":0,\"rowsRefused\":%d,\"roundsPerSecond\":10.0,\"failure\":null,\"refused\":%s}")
                .formatted(state, done, done == 2 ? 1 : 0, refused.length() > 2 ? 1 : 0, refused);
    }

    private void start(Handler handler) throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/imports", exchange -> {
            try {
                handler.handle(exchange);
            } finally {
                exchange.close();
            }
        });
        gateway.start();
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + gateway.getAddress().getPort());
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }
}
