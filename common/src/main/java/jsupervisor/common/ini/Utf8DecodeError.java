package jsupervisor.common.ini;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Python's {@code UnicodeDecodeError} text for bytes that are not UTF-8, as Supervisor shows it for a config
 * file it cannot read ({@code 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte}). Python
 * reads the file through a text wrapper that decodes 8192 bytes at a time, carrying an incomplete character over
 * to the next piece, so the position counts from the start of the piece being decoded. Stateless.
 */
public final class Utf8DecodeError {
    private static final int CHUNK = 8192;

    private Utf8DecodeError() {
    }

    /**
     * The bytes as text when they are all UTF-8, decoded by the JDK's strict decoder (the fast path every valid
     * file takes); null when they are not, and {@link #of} then says why.
     */
    public static String decodeOrNull(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The message for the first undecodable sequence of {@code data}, or null when it is all UTF-8. */
    public static String of(byte[] data) {
        int i = 0;
        while (i < data.length) {
            int n = sequenceAt(data, i, data.length);
            if (n > 0) {
                i += n;
                continue;
            }
            int end = -n;
            if (end > data.length) {
                // only the last decode call, at end of file, sees an unfinished sequence: it holds those bytes alone
                return message(data, i, data.length, i, "unexpected end of data");
            }
            if (end == i + 1 && !isLead(data[i] & 0xff)) {
                return message(data, i, end, base(data, i, i), "invalid start byte");
            }
            return message(data, i, end, base(data, i, end), "invalid continuation byte");
        }
        return null;
    }

    private static boolean isLead(int b) {
        return b >= 0xc2 && b <= 0xf4;
    }

    /**
     * The length of the UTF-8 sequence at {@code i} when it is valid; otherwise minus the end of the bytes
     * Python's decoder reports ({@code i + 1} for a bad start byte, up to the bad continuation byte otherwise), an
     * end beyond {@code limit} meaning the bytes stop inside the sequence.
     */
    public static int sequenceAt(byte[] data, int i, int limit) {
        int b = data[i] & 0xff;
        int need;
        int lo = 0x80;
        int hi = 0xbf;
        if (b < 0x80) {
            return 1;
        } else if (b >= 0xc2 && b <= 0xdf) {
            need = 1;
        } else if (b >= 0xe0 && b <= 0xef) {
            need = 2;
            lo = b == 0xe0 ? 0xa0 : 0x80;
            hi = b == 0xed ? 0x9f : 0xbf;
        } else if (b >= 0xf0 && b <= 0xf4) {
            need = 3;
            lo = b == 0xf0 ? 0x90 : 0x80;
            hi = b == 0xf4 ? 0x8f : 0xbf;
        } else {
            return -(i + 1);
        }
        for (int k = 1; k <= need; k++) {
            if (i + k >= limit) {
                return -(limit + 1);
            }
            int c = data[i + k] & 0xff;
            boolean ok = k == 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
            if (!ok) {
                return -(i + k);
            }
        }
        return need + 1;
    }

    /**
     * Where the decode call that met the error starts: the piece holding the byte that revealed it
     * ({@code revealing}), moved back over an incomplete character carried over from the piece before.
     */
    private static int base(byte[] data, int start, int revealing) {
        int piece = revealing / CHUNK * CHUNK;
        if (start < piece) {
            return start;
        }
        for (int back = 1; back <= 3 && piece - back >= 0; back++) {
            int c = data[piece - back] & 0xff;
            if (c < 0x80 || c >= 0xc0) {
                int length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
                return back < length ? piece - back : piece;
            }
        }
        return piece;
    }

    /** Python's text, positions counted from {@code base}. */
    private static String message(byte[] data, int start, int end, int base, String reason) {
        int s = start - base;
        int e = end - base;
        if (e == s + 1) {
            return "'utf-8' codec can't decode byte 0x" + Integer.toHexString(0x100 | data[start] & 0xff).substring(1)
                    + " in position " + s + ": " + reason;
        }
        return "'utf-8' codec can't decode bytes in position " + s + "-" + (e - 1) + ": " + reason;
    }
}
