package io.aigcwatch.funding.imports;

import io.aigcwatch.funding.Http;
import io.aigcwatch.testkit.RealInfraExtension;
import io.aigcwatch.testkit.TestInfra;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static io.aigcwatch.funding.imports.Imports.CSV_HEADER;
import static io.aigcwatch.funding.imports.Imports.number;
import static io.aigcwatch.funding.imports.Imports.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An acknowledged import survives a restart; a file past the bounds is refused with 413 and leaves nothing. */
@ExtendWith(RealInfraExtension.class)
class ImportRestartTest {

    @Test
    void aJobLeftQueuedOrRunningResumesOnRestart(TestInfra infra) throws Exception {
        StringBuilder file = new StringBuilder(CSV_HEADER);
        for (int i = 1; i <= 5; i++) {
            file.append("Restart ").append(i).append(",,DE,MODEL,,SEED,2023-02-0").append(i)
                    .append(",EUR,EXACT,1000000,,,,,,,,\n");
        }
        String location;
        try (EmbeddedServer stopped = start(infra, Map.of("aigcwatch.imports.enabled", false))) {
            HttpResponse<String> accepted = upload(stopped.getURI(), "text/csv",
                    HttpRequest.BodyPublishers.ofString(file.toString()));
            assertEquals(202, accepted.statusCode(), accepted.body());
            location = accepted.headers().firstValue("Location").orElseThrow();
            Map<String, Object> job = http(stopped).map(accepted.body());
            assertEquals("QUEUED", job.get("state"));
            assertEquals(5, number(job, "rowsTotal"));
        }
        // as if the process died in the middle of the job, after it had started
        exec(infra, "update import_job set state = 'RUNNING', started_at = now() where state = 'QUEUED'");

        try (EmbeddedServer restarted = start(infra, Map.of("aigcwatch.imports.chunk-rows", 2))) {
            Map<String, Object> job = Imports.awaitDone(http(restarted), location);
            assertEquals(5, number(job, "rowsImported"), job.toString());
            assertEquals(5, number(job, "rowsDone"));
        }
        assertEquals(5, infra.queryLong("select count(*) from funding.funding_round"));
        assertEquals(5, infra.queryLong("select count(*) from funding.outbox"));
        assertEquals(0, infra.queryLong("select count(*) from funding.import_row"), "applied rows are not kept");
    }

    @Test
    void aFileOverTheBoundsIsRefusedWith413AndLeavesNothing(TestInfra infra) throws Exception {
        long jobsBefore = infra.queryLong("select count(*) from funding.import_job");
        String rows = CSV_HEADER + "Big One,,DE,MODEL,,SEED,2023-02-01,EUR,EXACT,1000000,,,,,,,,\n".repeat(3);
        try (EmbeddedServer server = start(infra, Map.of("aigcwatch.imports.max-rows", 2,
                "aigcwatch.imports.max-bytes", 10_000, "micronaut.server.max-request-size", 20_000))) {
            HttpResponse<String> tooManyRows = upload(server.getURI(), "text/csv", HttpRequest.BodyPublishers.ofString(rows));
            assertTooLarge(tooManyRows);

            String big = CSV_HEADER + "x".repeat(12_000);
            assertTooLarge(upload(server.getURI(), "text/csv", HttpRequest.BodyPublishers.ofString(big)));

            // no Content-Length: the server counts the streamed bytes itself
            byte[] huge = (CSV_HEADER + "Big Two,,DE,MODEL,,SEED,2023-02-01,EUR,EXACT,1000000,,,,,,,,\n".repeat(400))
                    .getBytes(StandardCharsets.UTF_8);
            assertTooLarge(upload(server.getURI(), "text/csv",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

            HttpResponse<String> noHeader = upload(server.getURI(), "text/csv",
                    HttpRequest.BodyPublishers.ofString("not,a,header\n1,2,3\n"));
            assertEquals(422, noHeader.statusCode(), noHeader.body());
            assertTrue(noHeader.body().contains("company"), noHeader.body());
            HttpResponse<String> unclosed = upload(server.getURI(), "text/csv",
                    HttpRequest.BodyPublishers.ofString(CSV_HEADER + "Big Three,\"SEED\n"));
            assertEquals(422, unclosed.statusCode(), unclosed.body());
            HttpResponse<String> json = upload(server.getURI(), "application/json", HttpRequest.BodyPublishers.ofString("{}"));
            assertEquals(415, json.statusCode(), json.body());
        }
        assertEquals(jobsBefore, infra.queryLong("select count(*) from funding.import_job"));
        assertEquals(0, infra.queryLong("select count(*) from funding.import_row"));
        assertEquals(0, infra.queryLong("select count(*) from funding.company where name like 'Big %'"));
    }

    private static void assertTooLarge(HttpResponse<String> response) {
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
    }

    private static Http http(EmbeddedServer server) {
        return new Http(server.getURI(), server.getApplicationContext().getBean(JsonMapper.class));
    }

    private static EmbeddedServer start(TestInfra infra, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(infra.serviceProperties());
        properties.put("micronaut.server.port", -1);
        properties.putAll(extra);
        return ApplicationContext.run(EmbeddedServer.class, properties);
    }

    private static void exec(TestInfra infra, String sql) throws Exception {
        try (Connection connection = infra.connect(); Statement statement = connection.createStatement()) {
            statement.execute("set search_path to funding");
            statement.executeUpdate(sql);
        }
    }
}
