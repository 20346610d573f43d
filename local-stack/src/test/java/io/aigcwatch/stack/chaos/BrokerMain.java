package io.aigcwatch.stack.chaos;

import io.aigcwatch.infra.KafkaServer;
import io.aigcwatch.infra.Servers;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack's KRaft broker alone in a JVM of its own, so that the chaos suite can stop it (SIGTERM, a clean
 * shutdown) and start it again on the same log directory and port while everything else keeps running.
 */
public final class BrokerMain {
    static final String READY = "[chaos-broker] ready";

    private BrokerMain() {
    }

    /** @param args the log directory and the client port */
    public static void main(String[] args) throws InterruptedException {
        KafkaServer broker = Servers.embeddedKafka(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "chaos-broker-stop"));
        System.out.println(READY + " at " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
