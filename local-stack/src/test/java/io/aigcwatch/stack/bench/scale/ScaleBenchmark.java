package io.aigcwatch.stack.bench.scale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aigcwatch.stack.generate.RoundSink;
import io.aigcwatch.stack.generate.SyntheticRounds;
import io.aigcwatch.testkit.bench.PlainHttpClient;
import io.aigcwatch.testkit.stack.LocalStackRun;
import org.awaitility.Awaitility;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 12's scale benchmark, against the whole suite as users run it: the packaged local stack
 * ({@code local-stack.jar}, every service its own JVM, embedded PostgreSQL and Kafka) in a fresh home for each size.
 * For each size: a synthetic data set ({@code ./aigcwatch generate}) imported through the gateway
 * ({@code POST /api/imports}, polled to DONE); the consumers' catch-up (valuation-, market- and
 * notification-service's consumer groups at lag 0 and every outbox sent); {@code GET /api/stats} and the list of
 * funding events under each filter, p50 and p99; the CSV export, whole and filtered, first byte and total; and each
 * service's peak heap. Prints one markdown table and writes it to {@code target/scale-benchmark.md}.
 *
 * <pre>mvn -B -q -Pscale-benchmark -pl local-stack -am verify -DskipTests [-Dscale.sizes=10000,100000]</pre>
 */
public final class ScaleBenchmark {
    private static final List<Long> SIZES = Arrays.stream(System.getProperty("scale.sizes", "10000,100000,1000000")
            .split(",")).map(String::trim).map(Long::parseLong).toList();
    private static final int CALLS = Integer.getInteger("scale.calls", 200);
    private static final long SEED = Long.getLong("scale.seed", 1);
    private static final int DEGRADED_CHECKS = 20;
    /**
     * {@code -Dscale.import-to=funding} posts the file to funding-service itself, with the stack's internal
     * credential, as the gateway would: the import's own rate, without the gateway's streaming in front of it.
     */
    private static final boolean IMPORT_TO_GATEWAY = !"funding".equals(System.getProperty("scale.import-to"));
    private static final String INTERNAL_CREDENTIAL = "X-Aigcwatch-Internal-Credential";
    private static final Duration CATCH_UP = Duration.ofHours(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEAP_OF = List.of("GATEWAY", "FUNDING", "VALUATION", "MARKET", "NOTIFICATION");

    private final ScaleTable table = new ScaleTable();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Path repo;

    private ScaleBenchmark(Path repo) {
        this.repo = repo;
    }

    public static void main(String[] args) {
        try {
            ScaleBenchmark benchmark = new ScaleBenchmark(repo());
            for (long size : SIZES) {
                benchmark.measure(size);
            }
            String report = String.format("%d cores, Java %s, seed %d, %d calls a latency, import to %s%n%n%s",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), SEED, CALLS,
                    IMPORT_TO_GATEWAY ? "the gateway" : "funding-service directly",
                    benchmark.table.markdown(SIZES));
            System.out.println(report);
            Path out = Path.of("target", "scale-benchmark.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.exit(0);
        } catch (Throwable e) {
            // an executor or a stack left behind must not keep a failed benchmark running forever
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void measure(long size) throws Exception {
        Path dir = Path.of("target", "scale-benchmark", Long.toString(size)).toAbsolutePath();
        Files.createDirectories(dir);
        Path file = dir.resolve("rounds.csv");
        String company = generate(size, file);
        System.out.printf("[scale] %,d rounds: starting a fresh stack in %s%n", size, dir);
        try (LocalStackRun stack = LocalStackRun.start(repo, dir.resolve("stack"), Map.of(
                // the benchmark measures the suite at scale, not its protections against a flood of calls
                "AIGCWATCH_RATE_LIMIT_RPS", "1000000", "AIGCWATCH_RATE_LIMIT_BURST", "1000000"));
             HeapPeaks heap = new HeapPeaks(services(stack));
             ConsumerLag lag = new ConsumerLag(stack.kafkaBootstrap());
             Connection db = stack.database()) {
            awaitCaughtUp(lag, db, Duration.ofMinutes(5));
            long consumedBefore = lag.consumed();
            Path home = dir.resolve("stack").resolve("home");
            CpuUse cpuBefore = CpuUse.now(http, services(stack), stack.launcher(), home);
            System.out.printf("[scale] %,d rounds: importing %s%n", size, file);
            ImportRun imported = IMPORT_TO_GATEWAY
                    ? ImportRun.of(http, stack.gateway().resolve("/api/imports"), Map.entry("X-API-Key",
                            stack.adminKey()), file, "text/csv")
                    : ImportRun.of(http, stack.service("FUNDING").resolve("/imports"), Map.entry(INTERNAL_CREDENTIAL,
                            Files.readString(dir.resolve("stack").resolve("home").resolve("internal-credential"))
                                    .strip()), file, "text/csv");
            long done = System.nanoTime();
            if (!"DONE".equals(imported.state())) {
                throw new IllegalStateException("the import ended " + imported.state() + ": " + imported.job());
            }
            table.put("import: rows imported / refused", size, String.format("%,d / %,d",
                    imported.rows("rowsImported"), imported.rows("rowsRefused")));
            table.put("import rate, upload to DONE (rounds/s)", size,
                    String.format("%,.0f (%.1f s)", imported.rows("rowsImported") / imported.seconds(),
                            imported.seconds()));
            table.put("import rate, as the job reports it (rounds/s)", size,
                    String.format("%,.0f", imported.job().path("roundsPerSecond").asDouble()));

            System.out.printf("[scale] %,d rounds: imported in %.1f s; waiting for the consumers%n", size,
                    imported.seconds());
            awaitCaughtUp(lag, db, CATCH_UP);
            double afterDone = (System.nanoTime() - done) / 1e9;
            double fromUpload = afterDone + imported.seconds();
            long consumed = lag.consumed() - consumedBefore;
            table.put("consumers: events consumed (3 groups)", size, String.format("%,d", consumed));
            table.put("consumer catch-up, upload to lag 0 (events/s)", size,
                    String.format("%,.0f (%.1f s)", consumed / fromUpload, fromUpload));
            table.put("consumers at lag 0, after import DONE", size, String.format("%.1f s", afterDone));
            cpuPerRound(size, CpuUse.now(http, services(stack), stack.launcher(), home).since(cpuBefore),
                    imported.rows("rowsImported"));

            reads(stack, size, company);
            exports(stack, size);
            heap.peaksInMegabytes().forEach((service, megabytes) -> table.put("peak heap " + service.toLowerCase()
                    + " (MB)", size, Long.toString(megabytes)));
        }
        System.out.println(table.markdown(SIZES));
    }

    /**
     * What a round costs the whole stack, upload to lag 0, and the import rate that cost allows on this machine's
     * cores when nothing else runs: the bound that the import and its consumers share.
     */
    private void cpuPerRound(long size, Map<String, Double> spent, long rounds) {
        double total = 0;
        for (Map.Entry<String, Double> part : spent.entrySet()) {
            table.put("CPU per 1,000 rounds (core-s): " + part.getKey(), size,
                    String.format("%.2f", part.getValue() * 1000 / rounds));
            total += part.getValue();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        table.put("CPU per 1,000 rounds (core-s): whole stack", size, String.format("%.2f", total * 1000 / rounds));
        table.put("rounds/s that CPU allows on " + cores + " cores", size, String.format("%,.0f", cores * rounds / total));
    }

    /** @return the name of the company of the data set's first row, for the company filters */
    private static String generate(long size, Path file) throws Exception {
        long started = System.nanoTime();
        String[] first = new String[1];
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             RoundSink csv = io.aigcwatch.stack.generate.GenerateCommand.sink("csv", writer)) {
            new SyntheticRounds(new SyntheticRounds.Settings(size, SyntheticRounds.Settings.defaultCompanies(size),
                    SEED, LocalDate.now(ZoneOffset.UTC))).generate(round -> {
                if (first[0] == null) {
                    first[0] = round.company().name();
                }
                csv.accept(round);
            });
        }
        System.out.printf("[scale] %,d rounds generated in %.1f s (%,d MB)%n", size,
                (System.nanoTime() - started) / 1e9, Files.size(file) >> 20);
        return first[0];
    }

    private void reads(LocalStackRun stack, long size, String companyName) throws Exception {
        try (PlainHttpClient client = new PlainHttpClient(stack.gateway(), Map.of("X-API-Key", stack.adminKey()))) {
            Latencies stats = Latencies.of(client, "/api/stats", CALLS);
            table.put("GET /api/stats p50 / p99 (ms)", size, stats.cell());
            int degraded = 0;
            for (int i = 0; i < DEGRADED_CHECKS; i++) {
                JsonNode parts = JSON.readTree(client.get("/api/stats").body()).path("degraded");
                degraded += parts.isArray() && !parts.isEmpty() ? 1 : 0;
            }
            table.put("GET /api/stats answers degraded", size, degraded + " of " + DEGRADED_CHECKS);
            // issue 13: filtered stats sum kept cells, so they must cost what the unfiltered read does
            Map<String, String> statsFilters = new LinkedHashMap<>();
            statsFilters.put("country=CN&layer=MODEL&2023-Q1..2024-Q4",
                    "?country=CN&layer=MODEL&fromQuarter=2023-Q1&toQuarter=2024-Q4");
            statsFilters.put("fromQuarter=2024-Q1", "?fromQuarter=2024-Q1");
            for (Map.Entry<String, String> filter : statsFilters.entrySet()) {
                Latencies filtered = Latencies.of(client, "/api/stats" + filter.getValue(), CALLS);
                table.put("GET /api/stats p50 / p99 (ms): " + filter.getKey(), size, filtered.cell());
            }
            String name = URLEncoder.encode(companyName, StandardCharsets.UTF_8);
            JsonNode page = JSON.readTree(client.get("/api/funding-events?limit=1&company=" + name).body());
            String companyId = page.path("items").path(0).path("company").path("id").asText();
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("none", "");
            filters.put("country=JP", "&country=JP");
            filters.put("layer=MODEL", "&layer=MODEL");
            filters.put("round=SERIES_B", "&round=SERIES_B");
            filters.put("from/to (one quarter)", "&from=2024-01-01&to=2024-03-31");
            filters.put("company=id", "&company=" + companyId);
            filters.put("company=name (lookup by name)", "&company=" + name);
            filters.put("country=CN&layer=MODEL&from", "&country=CN&layer=MODEL&from=2023-01-01");
            for (Map.Entry<String, String> filter : filters.entrySet()) {
                Latencies list = Latencies.of(client, "/api/funding-events?limit=20" + filter.getValue(), CALLS);
                table.put("list p50 / p99 (ms): " + filter.getKey(), size, list.cell());
            }
        }
    }

    private void exports(LocalStackRun stack, long size) throws Exception {
        URI all = stack.gateway().resolve("/api/funding-events");
        table.put("CSV export, all: first byte / total", size, Export.of(http, all, stack.adminKey()).cell());
        URI japan = stack.gateway().resolve("/api/funding-events?country=JP");
        table.put("CSV export, country=JP: first byte / total", size,
                Export.of(http, japan, stack.adminKey()).cell());
    }

    /** Every consumer group at lag 0 and every outbox sent, twice in a row (a relay may be between two batches). */
    private static void awaitCaughtUp(ConsumerLag lag, Connection db, Duration atMost) {
        int[] quiet = {0};
        Awaitility.await("consumers caught up").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
            quiet[0] = lag.lag() == 0 && unsent(db) == 0 ? quiet[0] + 1 : 0;
            return quiet[0] >= 2;
        });
    }

    /** Events committed in some service's outbox and not yet published, over every schema that has one. */
    private static long unsent(Connection db) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "select table_schema from information_schema.tables where table_name = 'outbox'")) {
            while (rows.next()) {
                schemas.add(rows.getString(1));
            }
        }
        long unsent = 0;
        for (String schema : schemas) {
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                    "select count(*) from " + schema + ".outbox where sent_at is null")) {
                rows.next();
                unsent += rows.getLong(1);
            }
        }
        return unsent;
    }

    private static Map<String, URI> services(LocalStackRun stack) {
        Map<String, URI> services = new LinkedHashMap<>();
        HEAP_OF.forEach(service -> services.put(service, stack.service(service)));
        return services;
    }

    private static Path repo() {
        String named = System.getProperty("aigcwatch.repo");
        Path repo = named != null ? Path.of(named) : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(repo.resolve("local-stack"))) {
            throw new IllegalStateException(repo + " is not the aigcwatch repository: pass -Daigcwatch.repo");
        }
        return repo.toAbsolutePath().normalize();
    }
}
