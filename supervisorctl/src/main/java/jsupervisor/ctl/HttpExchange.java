package jsupervisor.ctl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

import jsupervisor.common.ini.PythonRepr;

/**
 * Reads one HTTP/1.x response from a stream: the status line, the headers that frame the body, and the body
 * (Content-Length, chunked, or up to EOF). Just enough HTTP for supervisord's answers. Single use, one thread.
 */
public final class HttpExchange {
    private static final int MAX_LINE = 64 * 1024;

    private final InputStream in;
    int status;
    String reason = "";
    long contentLength = -1;
    boolean chunked;

    public HttpExchange(InputStream in) {
        this.in = in;
    }

    /** Reads the status line and headers; false when the server closed before sending a status line. */
    public boolean readHead() throws IOException {
        String rawStatusLine = readRawLine();
        if (rawStatusLine == null) {
            return false;
        }
        String statusLine = stripTerminator(rawStatusLine);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new BadStatusLine(rawStatusLine);
        }
        try {
            status = Integer.parseInt(parts[1].trim());
        } catch (NumberFormatException e) {
            throw new BadStatusLine(rawStatusLine);
        }
        reason = parts.length > 2 ? parts[2] : "";
        for (String line = readLine(); line != null && !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        return true;
    }

    public int status() {
        return status;
    }

    /**
     * Copies the body to {@code out} as it arrives, each piece decoded on its own as {@code http_client}'s
     * listener does, until the body ends or the connection closes.
     */
    public void copyBody(Consumer<String> out) throws IOException {
        if (chunked) {
            for (int size = nextChunkSize(); size > 0; size = nextChunkSize()) {
                byte[] piece = in.readNBytes(size);
                out.accept(decodePiece(piece, piece.length));
                readLine();
            }
            return;
        }
        long left = contentLength;
        byte[] buf = new byte[8192];
        while (left != 0) {
            int want = left < 0 ? buf.length : (int) Math.min(buf.length, left);
            int n = in.read(buf, 0, want);
            if (n < 0) {
                return;
            }
            if (n > 0) {
                out.accept(decodePiece(buf, n));
            }
            if (left > 0) {
                left -= n;
            }
        }
    }

    /**
     * One piece as {@code http_client.Listener.feed} prints it: strict UTF-8, or {@code Undecodable: b'...'} (the
     * repr of the bytes, no newline added) when the piece is not valid UTF-8.
     */
    static String decodePiece(byte[] buf, int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(buf, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return "Undecodable: " + PythonRepr.bytes(Arrays.copyOf(buf, length));
        }
    }

    /** The whole body of a response whose head has been read. */
    byte[] readBody() throws IOException {
        if (chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                int size = nextChunkSize();
                if (size == 0) {
                    return out.toByteArray();
                }
                out.write(in.readNBytes(size));
                readLine();
            }
        }
        if (contentLength >= 0) {
            byte[] body = in.readNBytes((int) contentLength);
            if (body.length < contentLength) {
                throw new IOException("incomplete read");
            }
            return body;
        }
        return in.readAllBytes();
    }

    /** The size of the next chunk of a chunked body (0 at the end or at EOF). */
    int nextChunkSize() throws IOException {
        String line = readLine();
        while (line != null && line.isBlank()) {
            line = readLine();
        }
        if (line == null) {
            return 0;
        }
        int semi = line.indexOf(';');
        return Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
    }

    /** One CRLF- or LF-terminated line without its terminator, or null at EOF. */
    String readLine() throws IOException {
        String raw = readRawLine();
        return raw == null ? null : stripTerminator(raw);
    }

    /** A line with its terminator as it came (Python's {@code readline}), null at end of stream. */
    private String readRawLine() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        int c;
        while ((c = in.read()) >= 0) {
            if (b.size() >= MAX_LINE) {
                throw new IOException("line too long");
            }
            b.write(c);
            if (c == '\n') {
                break;
            }
        }
        if (b.size() == 0) {
            return null;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static String stripTerminator(String raw) {
        int end = raw.length();
        if (end > 0 && raw.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && raw.charAt(end - 1) == '\r') {
            end--;
        }
        return raw.substring(0, end);
    }

    /** A response whose first line is not an HTTP status line; carries the line as read, terminator included. */
    public static final class BadStatusLine extends IOException {
        private final String line;

        BadStatusLine(String line) {
            super("bad status line: " + line, null);
            this.line = line;
        }

        public String line() {
            return line;
        }
    }
}
