package jsupervisor.daemon.pidproxy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A signalfd(2) reading signals that are blocked in every thread of this JVM.
 *
 * <p>This is how pidproxy receives SIGQUIT at all: HotSpot keeps QUIT for thread dumps and
 * {@code sun.misc.Signal} refuses it. A JVM started with {@code -Xrs} and with the signals already
 * blocked (see {@link Reexec}) leaves them blocked in all its threads, so the kernel queues them for the
 * signalfd instead of running a default action (measured on Temurin 25: HUP, INT, QUIT, USR1, USR2 and
 * TERM all arrive). This is DESIGN.md's technique for the daemon with one correction: USR2 cannot stay on
 * {@code sun.misc.Signal}, because under {@code -Xrs} HotSpot starts no signal dispatcher and such
 * handlers never run; USR2 goes through the signalfd as well (see {@link Reexec} for what that takes).
 *
 * <p>{@link #take()} blocks and belongs to one platform thread; the static mask helpers act on the
 * calling thread only.
 */
public final class BlockedSignals {
    private static final int EINTR = 4;

    private final int fd;
    private final MemorySegment buffer = Arena.global().allocate(Libc.SIGNALFD_SIGINFO_SIZE, 8);

    private BlockedSignals(int fd) {
        this.fd = fd;
    }

    /** True if every one of {@code signals} is blocked in the calling thread. */
    public static boolean blockedInThisThread(int... signals) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = arena.allocate(Libc.SIGSET_T_SIZE, 8);
            check("pthread_sigmask", Libc.pthread_sigmask(Libc.SIG_BLOCK, MemorySegment.NULL, current));
            for (int signal : signals) {
                if (!Libc.sigismember(current, signal)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Blocks {@code signals} in the calling thread; execve keeps that mask for the new program. */
    public static void block(int... signals) {
        change(Libc.SIG_BLOCK, signals);
    }

    public static void unblock(int... signals) {
        change(Libc.SIG_UNBLOCK, signals);
    }

    /**
     * Opens a close-on-exec signalfd for {@code signals}, which must be blocked in every thread.
     *
     * <p>Also sets their dispositions to SIG_DFL, which is safe while they are blocked: a signal that
     * was ignored when we started (a background job's INT, nohup's HUP) would otherwise stay ignored in
     * the child, whereas upstream's handlers leave the child with the default action. A blocked signal
     * is queued even while ignored, so the signalfd sees it either way.
     */
    public static BlockedSignals open(int... signals) {
        for (int signal : signals) {
            Libc.signalDefault(signal);
        }
        try (Arena arena = Arena.ofConfined()) {
            Libc.Result result = Libc.signalfd(-1, Libc.sigset(arena, signals), Libc.SFD_CLOEXEC);
            if (result.value() < 0) {
                throw new IllegalStateException("signalfd failed: errno " + result.errno());
            }
            return new BlockedSignals((int) result.value());
        }
    }

    /** Waits for the next signal and returns its number. */
    public int take() {
        while (true) {
            Libc.Result result = Libc.read(fd, buffer, Libc.SIGNALFD_SIGINFO_SIZE);
            if (result.value() == Libc.SIGNALFD_SIGINFO_SIZE) {
                return buffer.get(ValueLayout.JAVA_INT, 0); // ssi_signo
            }
            if (result.value() >= 0 || result.errno() != EINTR) {
                throw new IllegalStateException("read(signalfd=" + fd + ") gave " + result);
            }
        }
    }

    private static void change(int how, int... signals) {
        try (Arena arena = Arena.ofConfined()) {
            check("pthread_sigmask", Libc.pthread_sigmask(how, Libc.sigset(arena, signals), MemorySegment.NULL));
        }
    }

    private static void check(String call, int error) {
        if (error != 0) {
            throw new IllegalStateException(call + " failed: error " + error);
        }
    }
}
