package io.aigcwatch.stack;

import io.aigcwatch.infra.Servers;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL and Kafka in this JVM, the five services as child JVMs, each started again if it crashes. Stops in the reverse order of the start: the
 * gateway, the backends, Kafka (services must be gone first, or their clients retry for half a minute), PostgreSQL.
 */
final class RunningStack implements AutoCloseable {
    static final String DATABASE = "aigcwatch";
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final StackConfig config;
    private final HomeLock lock;
    private final PrintStream out;
    private final long startedAt = System.nanoTime();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Object guard = new Object();
    private final List<SupervisedService> backends = new ArrayList<>();
    private final Map<SupervisedService, ClassArchive> archives = new ConcurrentHashMap<>();
    private SupervisedService gateway;
    private Servers servers;
    private boolean closing;

    RunningStack(StackConfig config, HomeLock lock, PrintStream out) {
        this.config = config;
        this.lock = lock;
        this.out = out;
    }

    /** Returns once every service answers its health check; throws, leaving the caller to close, if one does not. */
    Infra start(ApiKeys keys) {
        Servers started = startServers(config);
        synchronized (guard) {
            if (closing) {
                started.close();
                throw new StackException("stopped while starting");
            }
            servers = started;
        }
        started.postgres().ensureDatabase(DATABASE);
        Infra infra = new Infra(started.postgres().jdbcUrl(DATABASE), started.postgres().username(),
                started.postgres().password(), started.kafka().bootstrapServers());
        progress("PostgreSQL and Kafka ready");

        List<Service> backendServices = Arrays.stream(Service.values()).filter(Service::isBackend).toList();
        PortCheck.requireFree(config, backendServices);
        awaitHealthy(backendServices.stream().map(service -> spawn(service, infra, keys)).toList());
        PortCheck.requireFree(config, List.of(Service.GATEWAY));
        awaitHealthy(List.of(spawn(Service.GATEWAY, infra, keys)));
        return infra;
    }

    /** Durable: a restart keeps every round, and so must a crash of the machine. */
    static Servers startServers(StackConfig config) {
        return Servers.embedded(config.home(), new Servers.Ports(config.postgresPort(), config.kafkaPort()), true);
    }

    Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private SupervisedService spawn(Service service, Infra infra, ApiKeys keys) {
        synchronized (guard) {
            if (closing) {
                throw new StackException("stopped while starting");
            }
            Path jar = config.jar(service);
            ClassArchive archive = new ClassArchive(config.home().resolve("cds"), service.module(), jar);
            Map<String, String> env = ServiceEnvironment.of(service, config, infra, keys,
                    InternalCredentialFile.loadOrCreate(config.home()));
            Path log = config.logs().resolve(service.module() + ".log");
            SupervisedService supervised = new SupervisedService(service.module(),
                    restart -> ServiceProcess.start(service.module(), config.port(service),
                            JavaCommand.forJar(jar, archive.jvmOptions()), env, log, restart),
                    RestartPolicy.DEFAULT, out, http, HEALTH_TIMEOUT);
            supervised.start();
            archives.put(supervised, archive);
            if (service == Service.GATEWAY) {
                gateway = supervised;
            } else {
                backends.add(supervised);
            }
            return supervised;
        }
    }

    /**
     * In parallel: the backends share two cores, and waiting for them one by one would add their start times. A
     * start that takes long (a schema migration over a large database) is reported every 30 s with the service's
     * last log line, so the terminal says what it waits for.
     */
    private void awaitHealthy(List<SupervisedService> services) {
        Set<SupervisedService> starting = ConcurrentHashMap.newKeySet();
        starting.addAll(services);
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "start-reporter");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(() -> starting.forEach(service -> progress(service.name()
                + " still starting; its log: " + service.process().lastLine())), 30, 30, TimeUnit.SECONDS);
        List<CompletableFuture<Void>> checks = services.stream()
                .map(service -> CompletableFuture.runAsync(() -> {
                    try {
                        service.awaitHealthyThenSupervise();
                    } finally {
                        starting.remove(service);
                    }
                    progress(service.name() + " healthy at " + service.process().healthUri()
                            .resolve("/").toString());
                }))
                .toList();
        List<String> failures = new ArrayList<>();
        for (CompletableFuture<Void> check : checks) {
            try {
                check.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                failures.add(cause instanceof StackException ? cause.getMessage() : cause.toString());
            }
        }
        reporter.shutdownNow();
        if (!failures.isEmpty()) {
            throw new StackException(String.join("\n\n", failures));
        }
    }

    private void progress(String what) {
        out.printf(Locale.ROOT, "[aigcwatch] %5.1f s  %s%n", sinceStart().toMillis() / 1000.0, what);
    }

    void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /** Idempotent; a second caller (a second Ctrl-C, the shutdown hook) waits for the first to finish. */
    @Override
    public void close() {
        SupervisedService gatewayToStop;
        List<SupervisedService> backendsToStop;
        Servers serversToStop;
        boolean first;
        synchronized (guard) {
            first = !closing;
            closing = true;
            gatewayToStop = gateway;
            backendsToStop = List.copyOf(backends);
            serversToStop = servers;
        }
        if (!first) {
            awaitQuietly();
            return;
        }
        long stopping = System.nanoTime();
        out.println("[aigcwatch] stopping: gateway, then the services, then Kafka, then PostgreSQL");
        if (archives.values().stream().anyMatch(archive -> !archive.isCurrent())) {
            out.println("[aigcwatch] the first stop after a build takes a few seconds more: the services save their"
                    + " class archives, which halve their next start");
        }
        try {
            // Before any stop: a backend that exits while the gateway stops is no crash to restart.
            backendsToStop.forEach(SupervisedService::stopSupervising);
            if (gatewayToStop != null) {
                gatewayToStop.requestStop();
                awaitStop(gatewayToStop);
            }
            backendsToStop.forEach(SupervisedService::requestStop);
            backendsToStop.forEach(this::awaitStop);
            if (serversToStop != null) {
                serversToStop.close();
            }
            out.printf(Locale.ROOT, "[aigcwatch] stopped in %.1f s; data kept in %s%n",
                    (System.nanoTime() - stopping) / 1e9, config.home());
        } finally {
            lock.close();
            closed.countDown();
        }
    }

    private void awaitStop(SupervisedService service) {
        archives.get(service).afterStop(service.awaitStop(STOP_GRACE));
    }

    private void awaitQuietly() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
