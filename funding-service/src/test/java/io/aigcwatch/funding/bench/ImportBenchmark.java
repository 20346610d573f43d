package io.aigcwatch.funding.bench;

import io.aigcwatch.infra.Servers;
import io.aigcwatch.testkit.InfraMode;
import io.aigcwatch.testkit.TestCredential;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * The bulk import's rate on funding-service alone: one file (say {@code ./aigcwatch generate --rounds 100000}) posted
 * to {@code POST /imports}, timed from the upload to the job's DONE, relay off so that only the import is measured.
 * Issue 14 keeps investors in their own tables as rounds are imported; this is how that cost was measured.
 * Run with {@code java -cp <test classpath> io.aigcwatch.funding.bench.ImportBenchmark FILE}.
 * <p>
 * {@code FILE SECOND [--unicorns]} imports FILE, then SECOND, timing each; with {@code --unicorns}, every company
 * FILE registered is made a unicorn in between (company_valuation, as the valuation intake keeps it, and the
 * investors' unicorns_held recounted), so that every round of SECOND in those companies goes through
 * {@code UnicornHoldings}' per-pair check: the import's worst case for the unicorn bookkeeping. Split one generated
 * file by alternate lines for the two, so that they share their companies.
 */
public final class ImportBenchmark {
    private static final String ALL_UNICORNS = """
            insert into company_valuation (company_id, valuation_usd, as_of, basis, unicorn_status)
            select id, 2000000000, current_date, 'REPORTED', 'UNICORN' from company""";
    private static final String RECOUNT = """
            update investor i set unicorns_held = (
                select count(distinct r.company_id) from round_investor ri
                join funding_round r on r.id = ri.round_id
                join company_valuation v on v.company_id = r.company_id
                where ri.investor_id = i.id and r.status = 'ACTIVE' and v.unicorn_status <> 'NONE')""";

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path home = Files.createTempDirectory("aigcwatch-import-bench");
        try (Servers servers = InfraMode.fromEnvironment().start(home, Servers.Ports.ANY, true)) {
            servers.postgres().ensureDatabase("bench");
            Map<String, Object> properties = new HashMap<>(servers.serviceProperties("bench", ""));
            properties.put("micronaut.server.port", -1);
            properties.put(TestCredential.PROPERTY, TestCredential.VALUE);
            properties.put("aigcwatch.outbox.enabled", false);
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
                URI base = server.getURI();
                HttpClient client = HttpClient.newHttpClient();
                importTimed(client, base, file);
                if (args.length > 1) {
                    if (args.length > 2 && "--unicorns".equals(args[2])) {
                        try (Connection connection = DriverManager.getConnection(servers.postgres().jdbcUrl("bench"),
                                servers.postgres().username(), servers.postgres().password());
                             Statement statement = connection.createStatement()) {
                            statement.execute("set search_path to funding");
                            System.out.printf("%d companies made unicorns%n", statement.executeUpdate(ALL_UNICORNS));
                            statement.executeUpdate(RECOUNT);
                        }
                    }
                    importTimed(client, base, Path.of(args[1]));
                }
            }
        }
    }

    private static void importTimed(HttpClient client, URI base, Path file) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> accepted = client.send(TestCredential.on(HttpRequest.newBuilder(base.resolve("/imports")))
                .header("Content-Type", file.toString().endsWith(".ndjson") ? "application/x-ndjson" : "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        String location = accepted.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException(accepted.statusCode() + " " + accepted.body()));
        String job;
        do {
            // a benchmark's poll of the job, every 100 ms (its resolution); not a test, nothing asserts
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L);
            job = client.send(TestCredential.on(HttpRequest.newBuilder(base.resolve(location))).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } while (!job.contains("\"DONE\"") && !job.contains("\"FAILED\""));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("import of %s: %.1f s upload to DONE%njob: %s%n", file.getFileName(), seconds, job);
    }
}
