package io.aigcwatch.stack.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * One Server-Sent Events subscriber on a plain socket, reading on its own thread. A thousand of them must fit on a
 * 2-core box beside the stack under test, so it does no more than split lines and hand each {@code data:} line
 * over with the moment it arrived.
 */
final class SseConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final Thread reader;
    private volatile boolean closing;

    /** @param onData called on the reader thread with each data line's text and {@link System#nanoTime()} of its arrival */
    SseConnection(URI base, String pathAndQuery, String apiKey, BiConsumer<String, Long> onData) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: text/event-stream\r\nX-API-Key: " + apiKey + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream raw = new BufferedInputStream(socket.getInputStream(), 8 * 1024);
        String status = line(raw);
        if (!status.startsWith("HTTP/1.1 200")) {
            socket.close();
            throw new IOException("stream refused: " + status);
        }
        boolean chunked = false;
        for (String header = line(raw); !header.isEmpty(); header = line(raw)) {
            String lower = header.toLowerCase(Locale.ROOT);
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
        }
        in = chunked ? new Dechunked(raw) : raw;
        reader = new Thread(null, () -> read(onData), "sse-" + socket.getLocalPort(), 256 * 1024);
        reader.setDaemon(true);
        reader.start();
    }

    private void read(BiConsumer<String, Long> onData) {
        try {
            for (String line = line(in); ; line = line(in)) {
                if (line.startsWith("data:")) {
                    onData.accept(line.substring(5).trim(), System.nanoTime());
                }
            }
        } catch (IOException e) {
            if (!closing) {
                System.err.println("[bench] subscriber " + socket.getLocalPort() + " lost its stream: " + e.getMessage());
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("stream ended");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        closing = true;
        socket.close();
    }

    /** HTTP/1.1 chunked transfer coding, undone: the stream of an SSE response has no length. */
    private static final class Dechunked extends InputStream {
        private final InputStream raw;
        private int left;

        Dechunked(InputStream raw) {
            this.raw = raw;
        }

        @Override
        public int read() throws IOException {
            if (left == 0) {
                String size = line(raw);
                if (size.isEmpty()) {
                    size = line(raw);
                }
                int extension = size.indexOf(';');
                left = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (left == 0) {
                    return -1;
                }
            }
            left--;
            return raw.read();
        }
    }
}
