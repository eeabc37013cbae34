package jsupervisor.common.ini;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Python's {@code repr()} of a {@code str} and of a {@code bytes} value, which many Supervisor messages embed
 * ({@code 'text'}, {@code "it's"}, {@code b'READY\n'}, {@code Undecodable: b'\xff'}).
 *
 * <p>Stateless, safe from any thread. Follows CPython's {@code unicode_repr} and {@code bytes_repr}: single
 * quotes unless the value contains a single quote and no double quote; backslash escapes for the quote, the
 * backslash, tab, newline and carriage return; {@code \xNN} for other control bytes and for bytes from 0x7f;
 * for strings, non-printable code points as {@code \xNN}, {@code \\uNNNN} or {@code \\UNNNNNNNN}.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** {@code repr(s)} for a Python {@code str}. */
    public static String of(String s) {
        char quote = quoteFor(s.indexOf('\'') >= 0, s.indexOf('"') >= 0);
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.append(quote).toString();
    }

    /**
     * {@code repr()} of bytes that Python holds as text, decoded from UTF-8 (an XML-RPC request body); bytes that
     * are not UTF-8, which Python could not have decoded, as {@code bytes}.
     */
    public static String ofText(byte[] utf8) {
        String text = Utf8DecodeError.decodeOrNull(utf8);
        return text != null ? of(text) : bytes(utf8);
    }

    /** {@code repr(b)} for a Python {@code bytes} value. */
    public static String bytes(byte[] data) {
        String latin1 = new String(data, StandardCharsets.ISO_8859_1);
        char quote = quoteFor(latin1.indexOf('\'') >= 0, latin1.indexOf('"') >= 0);
        StringBuilder out = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte value : data) {
            int b = value & 0xff;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
            } else {
                out.append((char) b);
            }
        }
        return out.append(quote).toString();
    }

    private static char quoteFor(boolean hasSingle, boolean hasDouble) {
        return hasSingle && !hasDouble ? '"' : '\'';
    }

    // Py_UNICODE_ISPRINTABLE: everything except the categories Cc Cf Cs Co Cn Zl Zp Zs (space itself is
    // handled by the ASCII branch above).
    private static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /**
     * Child output as Supervisor shows it in events and mirrored log lines: the bytes decoded as strict UTF-8,
     * or {@code Undecodable: b'...'} ({@code 'Undecodable: %r' % data}) when they are not valid UTF-8.
     */
    public static String utf8OrUndecodable(byte[] data) {
        String text = Utf8DecodeError.decodeOrNull(data);
        return text != null ? text : "Undecodable: " + bytes(data);
    }

    /** repr of a Python list of strings: {@code ['a', 'b']}. */
    public static String ofList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(of(items.get(i)));
        }
        return b.append(']').toString();
    }
}
