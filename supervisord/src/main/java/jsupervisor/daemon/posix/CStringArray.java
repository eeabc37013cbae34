package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A NULL-terminated {@code char*[]} of UTF-8 strings (argv, envp) built in Java and copied to native memory in
 * two blocks: every string's bytes in one, the pointers in the other.
 *
 * <p>Why not one {@code allocateFrom} per string: a spawn passes the daemon's whole environment, some forty
 * strings, and each allocation is a malloc, a free when the arena closes, and an accessor call per pointer;
 * with a thousand programs starting, that was a tenth of the spawner threads' CPU. Environment entries are
 * written as {@code key=value} without making that string first.
 *
 * <p>Pointers are stored as 64-bit words (LP64, as {@link Ffm} assumes). Not thread-safe; one per spawn.
 */
final class CStringArray {
    private byte[] bytes = new byte[2048];
    private int length;
    private int[] starts = new int[64];
    private int count;

    /** Appends {@code s}. */
    CStringArray add(String s) {
        start();
        put(s);
        return end();
    }

    /** Appends {@code key=value}. */
    CStringArray add(String key, String value) {
        start();
        put(key);
        room(1);
        bytes[length++] = '=';
        put(value);
        return end();
    }

    int size() {
        return count;
    }

    /** The array in {@code arena}: {@link #size()} pointers and a NULL, pointing into one block of bytes. */
    MemorySegment toNative(Arena arena) {
        MemorySegment block = arena.allocate(Math.max(1, length));
        CString.copy(bytes, length, block);
        long base = block.address();
        long[] pointers = new long[count + 1]; // the last stays 0: NULL
        for (int i = 0; i < count; i++) {
            pointers[i] = base + starts[i];
        }
        MemorySegment array = arena.allocate(8L * pointers.length, 8); // a layout per call costs more
        MemorySegment.copy(MemorySegment.ofArray(pointers), 0, array, 0, array.byteSize()); // native order
        return array;
    }

    private void start() {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count] = length;
    }

    private CStringArray end() {
        room(1);
        bytes[length++] = 0;
        count++;
        return this;
    }

    private void put(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        room(b.length);
        System.arraycopy(b, 0, bytes, length, b.length);
        length += b.length;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
