package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Builders for glibc {@code sigset_t} values in native memory.
 *
 * <p>Stateless; the segments belong to the caller's arena. glibc's sigset_t is 1024 bits (128 bytes) on
 * x86-64 and aarch64 although the kernel uses only 64; the sig*set functions hide that.
 */
final class SigSet {
    private SigSet() {}

    /** A set holding exactly {@code signals}. */
    static MemorySegment of(Arena arena, int... signals) {
        MemorySegment set = arena.allocate(LibcSpawn.SIGSET_T_SIZE, 8);
        Libc.sigemptyset(set);
        for (int signal : signals) {
            if (Libc.sigaddset(set, signal) != 0) {
                throw new IllegalArgumentException("not a signal number: " + signal);
            }
        }
        return set;
    }

    /**
     * Every signal {@code sigfillset} allows. glibc leaves out its two internal real-time signals (32, 33,
     * used for thread cancellation and setxid), which it resets itself in a spawned child.
     */
    static MemorySegment full(Arena arena) {
        MemorySegment set = arena.allocate(LibcSpawn.SIGSET_T_SIZE, 8);
        Libc.sigfillset(set);
        return set;
    }

    static boolean contains(MemorySegment set, int signal) {
        return Libc.sigismember(set, signal) == 1;
    }
}
