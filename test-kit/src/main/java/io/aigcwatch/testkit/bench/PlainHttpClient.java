package io.aigcwatch.testkit.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One keep-alive HTTP/1.1 connection, one request at a time, like a thread of wrk. The JDK's HttpClient spends
 * as much CPU per request as a small server; on a 2-core box shared with the server under test, the load
 * generator should take as little of it as it can.
 */
public final class PlainHttpClient implements AutoCloseable {
    private final URI base;
    private final String fixedHeaders;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private boolean closedByServer;

    public PlainHttpClient(URI base) throws IOException {
        this(base, Map.of());
    }

    /** @param headers sent with every request, such as an API key */
    public PlainHttpClient(URI base, Map<String, String> headers) throws IOException {
        this.base = base;
        connect();
        StringBuilder fixed = new StringBuilder("Host: ").append(base.getHost()).append(':').append(base.getPort())
                .append("\r\n");
        headers.forEach((name, value) -> fixed.append(name).append(": ").append(value).append("\r\n"));
        this.fixedHeaders = fixed.toString();
    }

    public record Response(int status, String body) {
    }

    private void connect() throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        closedByServer = false;
    }

    /** A server may end a keep-alive connection after any response that says so; the next request opens another. */
    private void reconnectIfClosed() throws IOException {
        if (closedByServer) {
            socket.close();
            connect();
        }
    }

    public Response postJson(String path, String json) throws IOException {
        reconnectIfClosed();
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\n" + fixedHeaders + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return response();
    }

    public Response get(String path) throws IOException {
        reconnectIfClosed();
        out.write(("GET " + path + " HTTP/1.1\r\n" + fixedHeaders + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return response();
    }

    /** A proxy may stream a body in chunks where the service itself sent a length. */
    private Response response() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = 0;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closedByServer = true;
            }
        }
        return new Response(status, chunked ? chunkedBody() : new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private String chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers carry nothing a benchmark needs
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private int chunkSize() throws IOException {
        String size = line();
        int extension = size.indexOf(';');
        return Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed by the server");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
