package jsupervisor.daemon.logging;

import java.util.Arrays;

/**
 * Removal of ANSI escape sequences from child output, for the global {@code strip_ansi=true} option.
 *
 * <p>Stateless, safe from any thread. A byte-for-byte port of {@code supervisor/dispatchers.py stripEscapes()}:
 * from each {@code ESC [} up to and including the first of {@code H f A B C D R s u J K h l p m} is removed
 * (this covers CSI colour and cursor sequences only, not OSC or other escapes). Each chunk is stripped on its
 * own, as Supervisor does per {@code read()}: a sequence that is not terminated within the chunk eats the rest
 * of the chunk, and the next chunk starts outside any sequence.
 */
public final class AnsiEscapes {

    private static final byte ESC = 0x1b;

    private AnsiEscapes() {
    }

    /** Strips a whole array; returns a new array (or the same one when nothing needs stripping). */
    public static byte[] strip(byte[] data) {
        return indexOfBegin(data, 0, data.length) < 0 ? data : strip(data, 0, data.length);
    }

    /** Strips {@code length} bytes of {@code data} from {@code offset}; always returns a new array. */
    public static byte[] strip(byte[] data, int offset, int length) {
        int end = offset + length;
        byte[] out = new byte[length];
        int kept = 0;
        int i = offset;
        while (i < end) {
            int begin = indexOfBegin(data, i, end);
            if (begin < 0) {
                System.arraycopy(data, i, out, kept, end - i);
                kept += end - i;
                break;
            }
            System.arraycopy(data, i, out, kept, begin - i);
            kept += begin - i;
            // Python tests the terminator set from the '[' on; '[' is not in it, so start after it.
            int terminator = begin + 2;
            while (terminator < end && !isTerminator(data[terminator])) {
                terminator++;
            }
            i = terminator + 1; // past the end when unterminated: the rest of the chunk is dropped
        }
        return kept == length ? out : Arrays.copyOf(out, kept);
    }

    private static int indexOfBegin(byte[] data, int from, int end) {
        for (int i = from; i < end - 1; i++) {
            if (data[i] == ESC && data[i + 1] == '[') {
                return i;
            }
        }
        return -1;
    }

    // dispatchers.py ANSI_TERMINATORS
    private static boolean isTerminator(byte b) {
        return switch (b) {
            case 'H', 'f', 'A', 'B', 'C', 'D', 'R', 's', 'u', 'J', 'K', 'h', 'l', 'p', 'm' -> true;
            default -> false;
        };
    }
}
