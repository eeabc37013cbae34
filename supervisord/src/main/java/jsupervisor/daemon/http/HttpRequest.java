package jsupervisor.daemon.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One request as a {@link Route} sees it: method, URI, headers, the whole body (already read, within
 * {@link HttpLimits#maxBodyBytes()}), the peer and the authenticated user. Immutable; created and used on
 * the connection's thread.
 *
 * <p>URI handling mirrors medusa's {@code found_terminator}: the path before the last {@code ?} is
 * percent-decoded as UTF-8 (malformed sequences become U+FFFD) and the query string is kept as sent.
 */
public final class HttpRequest {
    private final RequestHead head;
    private final byte[] body;
    private final String peer;
    private final ListenerInfo listener;
    private final String user;
    private final String uri;

    HttpRequest(RequestHead head, byte[] body, String peer, ListenerInfo listener, String user) {
        this.head = head;
        this.body = body;
        this.peer = peer;
        this.listener = listener;
        this.user = user;
        this.uri = decodeUri(head.target());
    }

    /** The method as sent ({@code GET}, {@code POST}, ...). */
    public String method() {
        return head.method();
    }

    /** {@code 1.0} or {@code 1.1}. */
    public String version() {
        return head.version();
    }

    /** The request target exactly as sent, undecoded. */
    public String rawUri() {
        return head.target();
    }

    /** Medusa's {@code request.uri}: the decoded path, then {@code ?} and the query if there was one. */
    public String uri() {
        return uri;
    }

    /** Medusa's {@code split_uri()[0]}: {@link #uri()} up to the first {@code ;}, {@code ?} or {@code #}. */
    public String path() {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == ';' || c == '?' || c == '#') {
                return uri.substring(0, i);
            }
        }
        return uri;
    }

    /** The query string after the last {@code ?} without the {@code ?}, as sent; null when there is none. */
    public String query() {
        int q = head.target().lastIndexOf('?');
        return q < 0 ? null : head.target().substring(q + 1);
    }

    /** The first value of header {@code name} (any case), or null. */
    public String header(String name) {
        return head.header(name);
    }

    /** Every header in arrival order. */
    public List<HttpHeader> headers() {
        return head.headers();
    }

    /** The {@code Content-Length} the client declared, or -1 when it sent none (RPC answers that with 411). */
    public long contentLength() {
        String value = head.header("Content-Length");
        return value == null ? -1 : Long.parseLong(value);
    }

    /** The request body; empty when none was sent. The array is shared: do not modify it. */
    public byte[] body() {
        return body;
    }

    /** Who is connected: {@code 127.0.0.1:40312} for TCP, {@code unix-<n>} for a unix socket connection. */
    public String peer() {
        return peer;
    }

    /** The listener that accepted the connection. */
    public ListenerInfo listener() {
        return listener;
    }

    /** The user that passed Basic authentication, or null when the listener has no username configured. */
    public String authenticatedUser() {
        return user;
    }

    @Override
    public String toString() {
        return head.method() + " " + head.target() + " HTTP/" + head.version();
    }

    private static String decodeUri(String target) {
        // mirrors urllib's splitquery (rpartition on '?') followed by unquote of the path part only
        int q = target.lastIndexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        if (path.indexOf('%') < 0) {
            return target;
        }
        String decoded = percentDecode(path);
        return q < 0 || q == target.length() - 1 ? decoded : decoded + target.substring(q);
    }

    private static String percentDecode(String raw) {
        byte[] bytes = raw.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }
}
