package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Builders for glibc {@code sigset_t} values in native memory.
 *
 * <p>Stateless; the segments belong to the caller's arena. glibc's sigset_t is 1024 bits (128 bytes) on
 * x86-64 and aarch64 although the kernel uses only 64; the sig*set functions hide that.
 */
final class SigSet {
    /** Bits for signals 32 and 33 in the first word of a sigset_t. */
    static final long GLIBC_INTERNAL_SIGNALS = (1L << 31) | (1L << 32);

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
     * Every signal 1-64, for POSIX_SPAWN_SETSIGDEF. sigfillset leaves out glibc's two internal real-time
     * signals (32, 33: thread cancellation and setxid) and sigaddset refuses them, yet glibc's posix_spawn
     * child leaves them SIG_IGN unless they are in this set (measured: SigIgn 0x180000000 in the child), and
     * SIG_IGN survives exec. So their bits are set directly; glibc's child resets every member with its
     * internal sigaction. Bit n-1 of the first 64-bit word is signal n on little-endian x86-64 and aarch64.
     */
    static MemorySegment everySignal(Arena arena) {
        MemorySegment set = arena.allocate(LibcSpawn.SIGSET_T_SIZE, 8);
        Libc.sigfillset(set);
        long word = set.get(ValueLayout.JAVA_LONG, 0);
        set.set(ValueLayout.JAVA_LONG, 0, word | GLIBC_INTERNAL_SIGNALS);
        return set;
    }

    static boolean contains(MemorySegment set, int signal) {
        return Libc.sigismember(set, signal) == 1;
    }
}
