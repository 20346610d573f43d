package io.aigcwatch.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks every port before anything starts, so a taken port fails in a second with a message that says which. */
final class PortCheck {
    private PortCheck() {
    }

    static void requireFree(StackConfig config) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            claim(wanted, config.port(service), describe(service));
        }
        claim(wanted, config.postgresPort(), "PostgreSQL (AIGCWATCH_POSTGRES_PORT)");
        claim(wanted, config.kafkaPort(), "Kafka (AIGCWATCH_KAFKA_PORT)");
        requireFree(wanted);
    }

    /** Again just before the services start: PostgreSQL and Kafka take seconds, and the machine is shared. */
    static void requireFree(StackConfig config, List<Service> services) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        services.forEach(service -> wanted.put(config.port(service), describe(service)));
        requireFree(wanted);
    }

    private static String describe(Service service) {
        return service.module() + " (" + service.portVariable() + ")";
    }

    private static void requireFree(Map<Integer, String> wanted) {
        wanted.forEach((port, user) -> {
            if (!isFree(port)) {
                throw new StackException("port " + port + " for " + user + " is already in use. Another stack or"
                        + " program holds it (see `ss -ltnp 'sport = :" + port + "'`);"
                        + " stop it or choose another port.");
            }
        });
    }

    private static void claim(Map<Integer, String> wanted, int port, String user) {
        if (port == 0) {
            return;
        }
        String other = wanted.putIfAbsent(port, user);
        if (other != null) {
            throw new StackException("port " + port + " is set for both " + other + " and " + user);
        }
    }

    /** Binds the wildcard address: on Linux that fails when anything listens on the port, on any address. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
