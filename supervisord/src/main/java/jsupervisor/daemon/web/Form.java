package jsupervisor.daemon.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one web UI request, merged as Supervisor's {@code supervisor_ui_handler.continue_request}
 * merges them (REFERENCE.md §8.1): query string parameters first, the first of duplicates winning
 * ({@code parse_qs(...)[k][0]}), then the parameters of an {@code application/x-www-form-urlencoded} POST body
 * on top, the last of duplicates winning ({@code parse_qsl}). Like Python's parsers it splits on {@code &} only,
 * drops pieces without {@code =} and parameters with empty values, turns {@code +} into a space and
 * percent-decodes as UTF-8 with U+FFFD for malformed bytes. Immutable.
 */
public final class Form {
    private final Map<String, String> values;

    private Form(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** Parses {@code query} (may be null) and {@code body} (may be empty) with the precedence above. */
    public static Form parse(String query, byte[] body) {
        Map<String, String> values = new LinkedHashMap<>();
        if (query != null) {
            forEachPair(query, values::putIfAbsent);
        }
        if (body != null && body.length > 0) {
            forEachPair(new String(body, StandardCharsets.ISO_8859_1), values::put);
        }
        return new Form(values);
    }

    /** The parameter, absent when it was not sent or was sent empty (as {@code parse_qs} drops blanks). */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Map<String, String> asMap() {
        return values;
    }

    private interface Sink {
        void accept(String name, String value);
    }

    private static void forEachPair(String raw, Sink sink) {
        for (String piece : raw.split("&", -1)) {
            int eq = piece.indexOf('=');
            if (eq < 0 || eq == piece.length() - 1) {
                continue; // no '=' or a blank value: parse_qs(keep_blank_values=False) skips both
            }
            sink.accept(unquotePlus(piece.substring(0, eq)), unquotePlus(piece.substring(eq + 1)));
        }
    }

    /**
     * Python's {@code unquote_plus} on text whose chars are bytes (ISO-8859-1 above keeps a body's raw bytes):
     * {@code +} is a space, {@code %XX} a byte, anything else stays; the bytes are then read as UTF-8.
     */
    static String unquotePlus(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0
                    && hex(raw.charAt(i + 2)) >= 0) {
                bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
                i += 2;
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(utf8, 0, utf8.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static int hex(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }
}
