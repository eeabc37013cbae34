package jsupervisor.daemon.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed request line plus headers, before any body is read. Immutable.
 *
 * <p>Bytes are read as ISO-8859-1 so nothing is lost; the URI is decoded as UTF-8 later, the way medusa
 * decodes the whole head with {@code as_string} and then unquotes the path.
 *
 * @param method  as sent, e.g. {@code POST} (medusa compares it case-insensitively; so do routes)
 * @param target  the request target exactly as sent
 * @param version {@code 1.0} or {@code 1.1}
 * @param headers name/value pairs in arrival order, continuation lines folded
 */
record RequestHead(String method, String target, String version, List<HttpHeader> headers) {

    /** Thrown for a head that is not HTTP at all; the connection answers 400 and closes. */
    static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message);
        }
    }

    /** A stand-in head for answering a request that could not be parsed. */
    static RequestHead plain(String version) {
        return new RequestHead("GET", "/", version, List.of());
    }

    /** Parses {@code head} (request line and header lines, without the blank line that ends them). */
    static RequestHead parse(byte[] head, int length) throws MalformedException {
        List<String> lines = lines(new String(head, 0, length, StandardCharsets.ISO_8859_1));
        // medusa skips leading blank lines ("buggy browsers tack it onto the end of POST requests")
        while (!lines.isEmpty() && lines.getFirst().isEmpty()) {
            lines.removeFirst();
        }
        if (lines.isEmpty()) {
            throw new MalformedException("empty request");
        }
        String[] parts = lines.getFirst().split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/")) {
            throw new MalformedException("bad request line");
        }
        return new RequestHead(parts[0], parts[1], parts[2].substring(5), headers(lines.subList(1, lines.size())));
    }

    /** The first value of {@code name}, or null; medusa's {@code get_header} also takes the first. */
    String header(String name) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** True when a header holds {@code token} among its comma-separated values, ignoring case. */
    boolean headerHasToken(String name, String token) {
        for (HttpHeader h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                for (String item : h.value().split(",")) {
                    if (item.trim().toLowerCase(Locale.ROOT).equals(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (!lines.isEmpty() && lines.getLast().isEmpty()) {
            lines.removeLast();
        }
        return lines;
    }

    private static List<HttpHeader> headers(List<String> lines) throws MalformedException {
        List<HttpHeader> headers = new ArrayList<>();
        for (String line : lines) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
                if (headers.isEmpty()) {
                    throw new MalformedException("continuation line before any header");
                }
                // mirrors medusa's join_headers: a folded line continues the previous value
                HttpHeader last = headers.removeLast();
                headers.add(new HttpHeader(last.name(), last.value() + " " + line.strip()));
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedException("header line without a name");
            }
            headers.add(new HttpHeader(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return List.copyOf(headers);
    }
}
