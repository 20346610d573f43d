package io.aigcwatch.stack;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The five services as {@code ./aigcwatch up} runs them (the same jars, command lines and environment), on free
 * ports, against a PostgreSQL and a Kafka broker that the caller runs and may stop. Like a supervisor, it starts a
 * service again whenever it exits without being asked to: the chaos suite kills them with SIGKILL and times their
 * return.
 */
public final class ChaosServices implements AutoCloseable {
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** A service that dies sooner than this after its start is started again only after a growing pause. */
    private static final Duration STABLE_AFTER = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final StackConfig config;
    private final Infra infra;
    private final ApiKeys keys;
    private final Map<String, String> extraEnv;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chaos-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Service, ServiceProcess> running = new EnumMap<>(Service.class);
    private final Map<Service, Incarnations> incarnations = new EnumMap<>(Service.class);
    private boolean closing;

    /** Where the services find PostgreSQL and Kafka. */
    public record Servers(String jdbcUrl, String username, String password, String bootstrapServers) {
    }

    private ChaosServices(StackConfig config, Infra infra, ApiKeys keys, Map<String, String> extraEnv,
                          PrintStream out) {
        this.config = config;
        this.infra = infra;
        this.keys = keys;
        this.extraEnv = Map.copyOf(extraEnv);
        this.out = out;
    }

    /**
     * Returns once every service answers its health check.
     *
     * @param apiKeys  the gateway's AIGCWATCH_API_KEYS
     * @param extraEnv set for every service on top of what the local stack sets, such as raised rate limits
     */
    public static ChaosServices start(Path home, Servers servers, String apiKeys, Map<String, String> extraEnv,
                                      PrintStream out) {
        Map<String, String> env = new HashMap<>();
        env.put("AIGCWATCH_HOME", home.toString());
        List<Integer> ports = StandIns.freePorts(Service.values().length);
        for (Service service : Service.values()) {
            env.put(service.portVariable(), Integer.toString(ports.get(service.ordinal())));
        }
        StackConfig config = StackConfig.from(env, System.getProperties(), Path.of(""));
        ChaosServices services = new ChaosServices(config,
                new Infra(servers.jdbcUrl(), servers.username(), servers.password(), servers.bootstrapServers()),
                ApiKeys.fromEnvironment(apiKeys), extraEnv, out);
        try {
            List<Service> backends = Arrays.stream(Service.values()).filter(Service::isBackend).toList();
            services.awaitHealthy(backends.stream().map(services::spawn).toList());
            services.awaitHealthy(List.of(services.spawn(Service.GATEWAY)));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** Distinct free ports, for the servers the caller runs. */
    public static List<Integer> freePorts(int count) {
        return StandIns.freePorts(count);
    }

    /** Module names, backends first and the gateway last, as they start. */
    public List<String> names() {
        return Arrays.stream(Service.values()).map(Service::module).toList();
    }

    public URI gateway() {
        return base(Service.GATEWAY.module());
    }

    public URI base(String name) {
        return URI.create("http://127.0.0.1:" + config.port(service(name)));
    }

    /** The pid of the service's JVM now; a new one after each restart. */
    public synchronized long pid(String name) {
        return running.get(service(name)).pid();
    }

    /** How often the service was started again after it exited by itself or was killed. */
    public synchronized int restarts(String name) {
        return incarnations.get(service(name)).count - 1;
    }

    public Path logs() {
        return config.logs();
    }

    private synchronized ServiceProcess spawn(Service service) {
        if (closing) {
            throw new StackException("stopped while starting " + service.module());
        }
        Incarnations lives = incarnations.computeIfAbsent(service, ignored -> new Incarnations());
        lives.count++;
        lives.startedAt = System.nanoTime();
        Map<String, String> env = ServiceEnvironment.of(service, config, infra, keys,
                InternalCredentialFile.loadOrCreate(config.home()));
        env.putAll(extraEnv);
        // One log per life: the last lines before a kill are what a failed run is read for.
        Path log = config.logs().resolve(service.module() + "." + lives.count + ".log");
        ServiceProcess process = ServiceProcess.start(service.module(), config.port(service),
                JavaCommand.forJar(config.jar(service), List.of()), env, log);
        running.put(service, process);
        process.onExit().thenAccept(exited -> afterExit(service, process, exited.exitValue()));
        return process;
    }

    private synchronized void afterExit(Service service, ServiceProcess process, int exitCode) {
        if (closing || running.get(service) != process) {
            return;
        }
        Incarnations lives = incarnations.get(service);
        boolean stable = System.nanoTime() - lives.startedAt > STABLE_AFTER.toNanos();
        lives.backoffMillis = stable ? 0 : Math.min(MAX_BACKOFF_MILLIS, Math.max(500, lives.backoffMillis * 2));
        out.printf(Locale.ROOT, "[chaos] %s (pid %d) exited with code %d; starting it again in %.1f s%n",
                service.module(), process.pid(), exitCode, lives.backoffMillis / 1000.0);
        restarts.schedule(() -> restart(service), lives.backoffMillis, TimeUnit.MILLISECONDS);
    }

    private void restart(Service service) {
        try {
            spawn(service);
        } catch (RuntimeException e) {
            out.println("[chaos] could not start " + service.module() + " again: " + e.getMessage());
        }
    }

    private void awaitHealthy(List<ServiceProcess> processes) {
        CompletableFuture.allOf(processes.stream()
                .map(process -> CompletableFuture.runAsync(() -> process.awaitHealthy(http, HEALTH_TIMEOUT)))
                .toArray(CompletableFuture[]::new)).join();
    }

    private static Service service(String name) {
        return Arrays.stream(Service.values()).filter(service -> service.module().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** The gateway first, then the backends, as the local stack stops them; the caller stops Kafka and PostgreSQL. */
    @Override
    public void close() {
        Map<Service, ServiceProcess> toStop;
        synchronized (this) {
            closing = true;
            toStop = new EnumMap<>(running);
        }
        restarts.shutdownNow();
        ServiceProcess gateway = toStop.remove(Service.GATEWAY);
        if (gateway != null) {
            gateway.requestStop();
            gateway.awaitStop(STOP_GRACE);
        }
        toStop.values().forEach(ServiceProcess::requestStop);
        toStop.values().forEach(process -> process.awaitStop(STOP_GRACE));
    }

    private static final class Incarnations {
        private int count;
        private long startedAt;
        private long backoffMillis;
    }
}
