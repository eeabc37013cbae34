package jsupervisor.ctl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import jsupervisor.common.ini.Utf8DecodeError;

/**
 * Python's {@code surrogateescape} error handler for UTF-8, which the reference's standard streams use in the C
 * and C.UTF-8 locales: a byte that is not part of valid UTF-8 is read as the lone surrogate {@code U+DC80..U+DCFF}
 * and written back as the same byte, so {@code *** Unknown syntax: foo\xff} echoes the byte the user typed.
 * Stateless apart from a flag that keeps the common case (no such byte was ever read) on the plain encoder.
 */
final class SurrogateEscape {
    private static volatile boolean seen;

    private SurrogateEscape() {
    }

    /** {@code bytes[0..length)} as text, undecodable bytes as lone surrogates. */
    static String decode(byte[] bytes, int length) {
        StringBuilder out = null;
        int run = 0; // start of the valid run not yet copied
        int i = 0;
        while (i < length) {
            int n = Utf8DecodeError.sequenceAt(bytes, i, length);
            if (n > 0) {
                i += n;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length);
            }
            out.append(new String(bytes, run, i - run, StandardCharsets.UTF_8)).append((char) (0xdc00 | bytes[i] & 0xff));
            i++;
            run = i;
        }
        if (out == null) {
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }
        seen = true;
        return out.append(new String(bytes, run, length - run, StandardCharsets.UTF_8)).toString();
    }

    /** {@code text} as UTF-8, lone surrogates {@code U+DC80..U+DCFF} as the bytes they stand for. */
    static byte[] encode(String text) {
        if (!seen) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0xdc80 && c <= 0xdcff && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.writeBytes(text.substring(run, i).getBytes(StandardCharsets.UTF_8));
                out.write(c & 0xff);
                run = i + 1;
            }
        }
        out.writeBytes(text.substring(run).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
