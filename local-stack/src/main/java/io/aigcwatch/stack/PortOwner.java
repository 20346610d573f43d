package io.aigcwatch.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether a process holds the listening socket of a port. On a shared machine another program can take a port
 * after the launcher checked it; its health answer must not pass for the service's, which dies on the taken port.
 */
final class PortOwner {
    private static final String LISTEN = "0A";
    private static final Path OWN_FDS = Path.of("/proc/self/fd");

    private PortOwner() {
    }

    /**
     * True where it cannot tell (no Linux /proc): then a health answer is taken on trust, as it was without this.
     * A process that has exited holds no port: its /proc entry is gone, and that must not read as "cannot tell",
     * or a service that died on the taken port, just after the other program answered, would pass as healthy.
     */
    static boolean listensOn(long pid, int port) {
        Set<String> sockets = listeningSockets(port);
        if (sockets == null || !Files.isDirectory(OWN_FDS)) {
            return true;
        }
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.map(PortOwner::target).anyMatch(sockets::contains);
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code socket:[inode]} of every socket listening on the port, from the kernel's IPv4 and IPv6 tables. */
    private static Set<String> listeningSockets(int port) {
        String localPort = String.format(Locale.ROOT, ":%04X", port);
        Set<String> sockets = new HashSet<>();
        boolean readAny = false;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(localPort) && fields[3].equals(LISTEN)) {
                        sockets.add("socket:[" + fields[9] + "]");
                    }
                }
                readAny = true;
            } catch (IOException e) {
                // a kernel without IPv6 has no tcp6 table
            }
        }
        return readAny ? sockets : null;
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
