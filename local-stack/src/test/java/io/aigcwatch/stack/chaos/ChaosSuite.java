package io.aigcwatch.stack.chaos;

import io.aigcwatch.stack.ChaosServices;
import org.awaitility.core.ConditionTimeoutException;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;

/**
 * The chaos suite: the whole suite as separate processes (PostgreSQL, a Kafka broker in a JVM of its own, the five
 * service JVMs), a steady load of rounds through the gateway by clients that retry with their Idempotency-Key, and
 * meanwhile one fault after another: kill -9 of each service, the broker stopped and started, kill -9 of
 * PostgreSQL and its restart, and valuation-service stopped by SIGSTOP for longer than its session timeout. Then it
 * checks, from the services' APIs and from Kafka, that every acknowledged round is there exactly once with exactly
 * one effect everywhere, and prints the table.
 *
 * <p>Run with {@code mvn -B -q -Pchaos -pl local-stack -am verify -DskipTests} (settings in docs/chaos.md). The
 * report is printed and written to {@code local-stack/target/chaos-report.md}; the run's data and every process's
 * logs stay in {@code local-stack/target/chaos/<run>/}. Exits with 1 unless every check passed.
 */
public final class ChaosSuite {
    private static final String CONSUMER_TO_PAUSE = "valuation-service";
    /** Longer than a webhook delivery's claim lease (40 s) and its first retry (1 min). */
    private static final Duration STALLED_AFTER = Duration.ofMinutes(2);

    private final ChaosSettings settings;
    private final String run = HexFormat.of().formatHex(new SecureRandom().generateSeed(3));
    private final Path directory;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    private ChaosSuite(ChaosSettings settings, Path directory) {
        this.settings = settings;
        this.directory = directory;
    }

    public static void main(String[] args) {
        try {
            ChaosSettings settings = ChaosSettings.fromSystemProperties();
            Path directory = Path.of("target", "chaos",
                    LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();
            // before any logger exists: the servers' chatter goes to a file, the console keeps to the run's news
            System.setProperty("aigcwatch.logs", directory.resolve("logs").toString());
            System.setProperty("logback.configurationFile", "local-stack-logback.xml");
            ChaosSuite suite = new ChaosSuite(settings, directory);
            Runtime.getRuntime().addShutdownHook(new Thread(suite::closeAll, "chaos-stop"));
            RunResult result = suite.run();
            String report = Report.markdown(result);
            System.out.println();
            System.out.println(report);
            Files.writeString(directory.resolve("chaos-report.md"), report);
            Files.writeString(Path.of("target", "chaos-report.md"), report);
            suite.closeAll();
            System.exit(result.passed() ? 0 : 1);
        } catch (Throwable e) {
            // a client thread left behind must not keep a failed run going for ever
            e.printStackTrace();
            System.exit(1);
        }
    }

    private RunResult run() throws Exception {
        long runStarted = System.nanoTime();
        System.out.println("[chaos] run " + run + ": " + settings.describe());
        System.out.println("[chaos] data and logs in " + directory);
        String apiKey = "aw_chaos_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        List<Integer> ports = ChaosServices.freePorts(2);
        PostgresNode postgres = closing(new PostgresNode(directory.resolve("postgres"), ports.get(0)));
        postgres.start();
        BrokerNode broker = closing(new BrokerNode(directory.resolve("kafka"), ports.get(1),
                directory.resolve("logs")));
        broker.start();
        System.out.println("[chaos] PostgreSQL and the broker (pid " + broker.pid() + ") ready");
        ChaosServices services = ChaosServices.start(directory,
                new ChaosServices.Servers(postgres.jdbcUrl(), postgres.username(), postgres.password(),
                        broker.bootstrapServers()),
                apiKey + "=read+write+admin", Map.of(
                        // the load, its retries and the checks come from one key, far above a user's allowance
                        "AIGCWATCH_RATE_LIMIT_RPS", "1000000",
                        "AIGCWATCH_RATE_LIMIT_BURST", "1000000",
                        "AIGCWATCH_STREAM_MAX_CONNECTIONS", "100"),
                System.out);
        // closed before the broker and PostgreSQL, or their clients retry for half a minute
        toClose.add(services);
        System.out.println("[chaos] five services healthy; logs in " + services.logs());

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        GatewayApi api = new GatewayApi(http, services.gateway(), apiKey);
        WebhookReceiver receiver = closing(new WebhookReceiver());
        WebhookReceiver.Hook everyChange = receiver.register(api,
                new WebhookReceiver.Hook("every-change", "{}", layer -> true));
        receiver.register(api, new WebhookReceiver.Hook("application-layer",
                "{\"layers\": [\"" + Round.FILTERED_LAYER + "\"]}", Round.FILTERED_LAYER::equals));
        ChangeStreamClient stream = closing(new ChangeStreamClient(http, services.gateway(), apiKey,
                settings.reconnectEvery()));
        stream.start();

        RoundClient client = new RoundClient(http, services.gateway(), apiKey, settings.giveUp());
        SteadyLoad load = new SteadyLoad(client, run, settings.perSecond(), settings.clients());
        Recovery recovery = new Recovery(api, services, client, run, stream, everyChange, settings.recoveryTimeout());
        FaultPlan plan = new FaultPlan(faults(services, broker, postgres), recovery);
        long loadStarted = System.nanoTime();
        CompletableFuture<Void> faults = CompletableFuture.runAsync(() -> {
            try {
                plan.run(loadStarted, settings.warmUp(), settings.gap());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
        load.run(settings.rounds(), plan::over);
        Duration loadTook = Duration.ofNanos(System.nanoTime() - loadStarted);
        String faultFailure = null;
        try {
            faults.join();
        } catch (CompletionException e) {
            faultFailure = e.getCause().toString();
        }

        List<RoundClient.Posted> everyRound = new ArrayList<>(load.posted());
        everyRound.addAll(recovery.probes());
        List<RoundClient.Posted> acknowledged = everyRound.stream().filter(RoundClient.Posted::acknowledged).toList();
        settle(api, acknowledged, stream, receiver);
        Verification verification = new Verification(api, broker.bootstrapServers(), acknowledged, run,
                loadStarted);
        List<Check> checks = verification.run(stream, receiver.hooks());
        Map<String, Integer> restarts = new LinkedHashMap<>();
        services.names().forEach(name -> restarts.put(name, services.restarts(name)));
        return new RunResult(run, settings, load.started(), recovery.probes().size(), acknowledged.size(),
                everyRound.stream().filter(posted -> !posted.acknowledged()).toList(), checks, plan.outcomes(),
                client.retries(), restarts, verification.deadLetters(), loadTook,
                Duration.ofNanos(System.nanoTime() - runStarted), faultFailure);
    }

    private List<FaultPlan.Fault> faults(ChaosServices services, BrokerNode broker, PostgresNode postgres) {
        List<FaultPlan.Fault> faults = new ArrayList<>();
        for (String service : services.names()) {
            faults.add(new FaultPlan.Fault("kill -9 " + service, () -> {
                ProcessHandle process = ProcessHandle.of(services.pid(service)).orElseThrow();
                UnixSignal.send(process.pid(), "KILL");
                process.onExit().join();
                return System.nanoTime();
            }));
        }
        faults.add(new FaultPlan.Fault("broker stop and restart", () -> {
            broker.stop();
            hold(settings.brokerDown());
            broker.start();
            return System.nanoTime();
        }));
        faults.add(new FaultPlan.Fault("kill -9 PostgreSQL and restart", () -> {
            postgres.kill();
            hold(settings.postgresDown());
            postgres.restart();
            return System.nanoTime();
        }));
        faults.add(new FaultPlan.Fault("SIGSTOP " + CONSUMER_TO_PAUSE + " " + settings.pause().toSeconds() + " s",
                () -> {
                    long pid = services.pid(CONSUMER_TO_PAUSE);
                    UnixSignal.send(pid, "STOP");
                    try {
                        hold(settings.pause());
                    } finally {
                        UnixSignal.send(pid, "CONT");
                    }
                    return System.nanoTime();
                }));
        return faults;
    }

    /**
     * Waits until every acknowledged round's change has reached the stream and the webhooks, and the market counts
     * as many rounds; or until nothing more has arrived for a while, or the settle timeout runs out. The checks then
     * say what is missing.
     */
    private void settle(GatewayApi api, List<RoundClient.Posted> acknowledged, ChangeStreamClient stream,
                        WebhookReceiver receiver) {
        long started = System.nanoTime();
        System.out.printf("[chaos] load over: %,d rounds acknowledged; waiting for every change to arrive%n",
                acknowledged.size());
        AtomicLong arrivedBefore = new AtomicLong(-1);
        AtomicLong lastArrival = new AtomicLong(started);
        AtomicBoolean complete = new AtomicBoolean();
        try {
            await().atMost(settings.settleTimeout()).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> {
                        long arrived = acknowledged.stream().filter(posted -> arrived(posted, stream, receiver))
                                .count();
                        if (arrivedBefore.getAndSet(arrived) != arrived) {
                            lastArrival.set(System.nanoTime());
                        }
                        complete.set(arrived == acknowledged.size() && marketCountsAll(api, acknowledged));
                        return complete.get() || System.nanoTime() - lastArrival.get() > STALLED_AFTER.toNanos();
                    });
        } catch (ConditionTimeoutException e) {
            // reported below, like a stall
        }
        System.out.printf(Locale.ROOT, "[chaos] %s %.1f s after the load%n", complete.get() ? "everything arrived"
                : "still not everything had arrived", (System.nanoTime() - started) / 1e9);
    }

    private static boolean marketCountsAll(GatewayApi api, List<RoundClient.Posted> acknowledged) {
        return api.get("/api/market/shares?by=investor&metric=funding")
                .map(shares -> shares.path("count").asLong() >= acknowledged.size()).orElse(false);
    }

    private static boolean arrived(RoundClient.Posted posted, ChangeStreamClient stream, WebhookReceiver receiver) {
        String roundId = posted.id().toString();
        return stream.receivedChangeOf(roundId) && receiver.hooks().stream().allMatch(hook ->
                hook.causes().contains(roundId) || !hook.accepts().test(posted.round().layer()));
    }

    private static void hold(Duration duration) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(duration.toMillis());
    }

    private <T extends AutoCloseable> T closing(T resource) {
        toClose.add(resource);
        return resource;
    }

    /** In the reverse order of the start: clients, the services, the broker, PostgreSQL. Idempotent. */
    private synchronized void closeAll() {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            try {
                toClose.get(i).close();
            } catch (Exception e) {
                System.err.println("[chaos] while stopping: " + e);
            }
        }
        toClose.clear();
    }
}
