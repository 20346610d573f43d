package io.aigcwatch.notification.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook receiver that accepts every connection and never answers, nor reads: the worst receiver there is. Or,
 * {@link #trickling()}, one that starts an answer and sends one byte of its headers every 200 ms, forever, so that
 * no read ever waits long enough to time out.
 */
public final class SilentReceiver implements AutoCloseable {
    private static final byte[] STATUS_LINE = "HTTP/1.1 200 OK\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final boolean trickle;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final AtomicInteger hungUp = new AtomicInteger();
    private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();
    private final Thread acceptor;

    private SilentReceiver(ServerSocket server, boolean trickle) {
        this.server = server;
        this.trickle = trickle;
        this.acceptor = new Thread(this::acceptForever, "silent-receiver");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static SilentReceiver start() {
        return new SilentReceiver(listen(), false);
    }

    public static SilentReceiver trickling() {
        return new SilentReceiver(listen(), true);
    }

    private static ServerSocket listen() {
        try {
            return new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
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

    /** Trickled connections the client closed before the answer was done. */
    public int hungUp() {
        return hungUp.get();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                held.add(socket);
                if (trickle) {
                    trickle(socket);
                }
            } catch (IOException e) {
                // closed: the test is over
            }
        }
    }

    private void trickle(Socket socket) throws IOException {
        socket.getOutputStream().write(STATUS_LINE);
        AtomicReference<ScheduledFuture<?>> drip = new AtomicReference<>();
        drip.set(trickler.scheduleAtFixedRate(() -> {
            try {
                socket.getOutputStream().write('a');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                hungUp.incrementAndGet();
                drip.get().cancel(false);
            }
        }, 200, 200, TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        trickler.shutdownNow();
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
