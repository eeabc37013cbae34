package jsupervisor.daemon.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to one {@link HttpRequest}: headers, then exactly one of {@link #send}, {@link #sendError} or
 * {@link #stream}. Confined to the connection's thread.
 *
 * <p>The status line echoes the request's version and {@code Server:} and {@code Date:} come first, then the
 * route's headers in the order set, as medusa writes them. Persistence follows medusa's
 * {@code http_request.done()}: HTTP/1.0 stays open only for {@code Connection: keep-alive} with a known
 * length (answered {@code Connection: Keep-Alive}); HTTP/1.1 stays open unless the client sent
 * {@code Connection: close}; a body of unknown length is chunked on a persistent 1.1 connection and
 * delimited by closing otherwise. A HEAD answer carries the headers only.
 */
public final class HttpResponse {
    private final Wire wire;
    private final String version;
    private final boolean head;
    private final boolean clientWantsClose;
    private final boolean clientAsksKeepAlive;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private boolean forceClose;
    private boolean committed;
    private boolean keepAlive;
    private int status;

    HttpResponse(Wire wire, Clock clock, RequestHead request) {
        this.wire = wire;
        this.version = request.version();
        this.head = request.method().equalsIgnoreCase("HEAD");
        this.clientWantsClose = request.headerHasToken("Connection", "close");
        this.clientAsksKeepAlive = request.headerHasToken("Connection", "keep-alive");
        // medusa builds both when the request object is created, before any handler runs
        headers.put("Server", HttpStatus.SERVER);
        headers.put("Date", HttpStatus.date(clock.instant()));
    }

    /** Sets (or replaces) a response header; CR or LF in either part is refused (no response splitting). */
    public HttpResponse header(String name, String value) {
        if (committed) {
            throw new IllegalStateException("response already sent");
        }
        if (name.isEmpty() || (name + value).chars().anyMatch(c -> c == '\r' || c == '\n')
                || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("unusable header: " + name.strip() + ": " + value.strip());
        }
        String existing = headerName(name);
        if (existing != null && !existing.equals(name)) {
            headers.remove(existing);
        }
        headers.put(name, value);
        return this;
    }

    /** Closes the connection after this response, whatever the client asked for. */
    public HttpResponse closeConnection() {
        forceClose = true;
        return this;
    }

    /** Sends a complete body with {@code Content-Type} (omitted when null) and {@code Content-Length}. */
    public void send(int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        header("Content-Length", Integer.toString(body.length));
        finish(status, body);
    }

    /** Sends a UTF-8 text body; see {@link #send(int, String, byte[])}. */
    public void send(int status, String contentType, String body) throws IOException {
        send(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends medusa's error page for {@code status} ({@code text/html}, Content-Length before Content-Type). */
    public void sendError(int status) throws IOException {
        byte[] page = HttpStatus.errorPage(status);
        header("Content-Length", Integer.toString(page.length));
        header("Content-Type", "text/html");
        finish(status, page);
    }

    /**
     * Starts a body of unknown length, written as it is produced (a {@code tail -f}). The stream must be
     * closed; the connection ends after it. {@code contentType} may be null.
     */
    public ResponseStream stream(int status, String contentType) throws IOException {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        boolean chunked = version.equals("1.1") && !clientWantsClose && !forceClose;
        if (chunked) {
            header("Transfer-Encoding", "chunked");
            // a stream is the connection's last answer: say so, since a 1.1 client would otherwise reuse it
            header("Connection", "close");
        }
        forceClose = true;
        writeHead(status);
        wire.watchForClientGone();
        return new ResponseStream(wire, chunked, head);
    }

    /** True once the status line has been written (or is being streamed). */
    public boolean committed() {
        return committed;
    }

    /** The status sent, or 0 before {@link #committed()}. */
    public int status() {
        return status;
    }

    /** After the response: whether the connection may read another request. */
    boolean keepAlive() {
        return committed && keepAlive;
    }

    private void finish(int status, byte[] body) throws IOException {
        byte[] headBytes = writeHeadBytes(status);
        if (head || body.length == 0) {
            wire.write(headBytes, 0, headBytes.length);
            return;
        }
        // one write for small answers: the common RPC reply leaves in a single segment
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        wire.write(all, 0, all.length);
    }

    private void writeHead(int status) throws IOException {
        byte[] bytes = writeHeadBytes(status);
        wire.write(bytes, 0, bytes.length);
    }

    private byte[] writeHeadBytes(int status) {
        if (committed) {
            throw new IllegalStateException("response already sent");
        }
        boolean known = headerName("Content-Length") != null;
        keepAlive = decideKeepAlive(known);
        if (keepAlive && version.equals("1.0")) {
            headers.put("Connection", "Keep-Alive");
        } else if (!keepAlive && version.equals("1.1") && !clientWantsClose && headerName("Connection") == null) {
            headers.put("Connection", "close");
        }
        committed = true;
        this.status = status;
        StringBuilder text = new StringBuilder(256);
        text.append("HTTP/").append(version).append(' ').append(status).append(' ')
                .append(HttpStatus.reason(status)).append("\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        text.append("\r\n");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private String headerName(String name) {
        for (String key : headers.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return key;
            }
        }
        return null;
    }

    private boolean decideKeepAlive(boolean lengthKnown) {
        if (forceClose || !lengthKnown) {
            return false;
        }
        return version.equals("1.0") ? clientAsksKeepAlive : !clientWantsClose;
    }
}
