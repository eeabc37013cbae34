package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * NUL-terminated UTF-8 strings in native memory, for the C functions that take a path or a name.
 *
 * <p>Why not {@code Arena.allocateFrom(String)}: it copies from the string's array through the JDK's
 * array-to-segment copy, whose pattern switch spins a class (with the class-file API, then compiled) at its first
 * use in a process, in the middle of a daemon's first spawn. A segment-to-segment copy spins nothing, so the
 * array is wrapped as a heap segment first ({@link #copy}).
 */
final class CString {
    private CString() {}

    /** {@code s} as UTF-8 and a NUL, in {@code arena}. */
    static MemorySegment of(Arena arena, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        MemorySegment segment = arena.allocate(bytes.length + 1L);
        copy(bytes, bytes.length, segment);
        segment.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return segment;
    }

    /** Copies the first {@code length} bytes of {@code from} to the start of {@code to}. */
    static void copy(byte[] from, int length, MemorySegment to) {
        MemorySegment.copy(MemorySegment.ofArray(from), 0, to, 0, length);
    }
}
