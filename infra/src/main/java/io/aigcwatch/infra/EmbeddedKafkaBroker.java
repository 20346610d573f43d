package io.aigcwatch.infra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** A real Apache Kafka broker in KRaft mode (combined broker and controller), run inside this JVM. */
final class EmbeddedKafkaBroker implements KafkaServer {
    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** @param port the client port, or 0 for any free one */
    static EmbeddedKafkaBroker start(Path logDirectory, int port) {
        int clientPort = port == 0 ? freePort() : port;
        int controllerPort = freePortOtherThan(clientPort);
        Properties config = brokerConfig(logDirectory, clientPort, controllerPort);
        format(logDirectory, config);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        return new EmbeddedKafkaBroker(server, clientPort);
    }

    /**
     * The kernel may hand back a port it just gave, since the first probe's socket is closed by then; two listeners
     * on one port stop the broker from starting.
     */
    private static int freePortOtherThan(int taken) {
        int port = freePort();
        while (port == taken) {
            port = freePort();
        }
        return port;
    }

    private static Properties brokerConfig(Path logDirectory, int clientPort, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", logDirectory.toAbsolutePath().toString());
        // A single broker cannot replicate: every internal topic must accept one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "5");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "5");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "true");
        return config;
    }

    private static void format(Path logDirectory, Properties config) {
        try {
            Files.createDirectories(logDirectory);
            Path propertiesFile = logDirectory.resolveSibling(logDirectory.getFileName() + ".properties");
            try (OutputStream out = Files.newOutputStream(propertiesFile)) {
                config.store(out, "aigcwatch embedded broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = StorageTool.execute(new String[]{"format", "--cluster-id", clusterId(logDirectory),
                    "--config", propertiesFile.toString(), "--ignore-formatted"}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (exit != 0) {
                throw new IllegalStateException("kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot format Kafka log directory " + logDirectory, e);
        }
    }

    /**
     * The id the directory was formatted with, or a new one. Kafka checks the id against meta.properties before it
     * honours --ignore-formatted, so a new random id on every start would make a restart on kept data fail.
     */
    private static String clusterId(Path logDirectory) throws IOException {
        Path meta = logDirectory.resolve("meta.properties");
        if (Files.isRegularFile(meta)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(meta)) {
                properties.load(in);
            }
            String existing = properties.getProperty("cluster.id");
            if (existing != null && !existing.isBlank()) {
                return existing.trim();
            }
        }
        return Uuid.randomUuid().toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
