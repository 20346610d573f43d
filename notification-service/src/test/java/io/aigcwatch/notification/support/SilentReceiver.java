package io.aigcwatch.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook receiver that accepts every connection and never answers, nor reads: the worst receiver there is. */
public final class SilentReceiver implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private SilentReceiver(ServerSocket server) {
        this.server = server;
        this.acceptor = new Thread(this::acceptForever, "silent-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentReceiver start() {
        try {
            return new SilentReceiver(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    /** Connections accepted so far; each is an attempt that is still waiting for its answer. */
    public int accepted() {
        return held.size();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                held.add(server.accept());
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
