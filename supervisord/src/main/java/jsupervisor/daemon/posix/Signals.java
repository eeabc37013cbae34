package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Sending signals, naming them, and adjusting this process's dispositions and thread masks.
 *
 * <p>Stateless and thread-safe, except that the mask methods act on the calling thread only. Linux signal
 * numbers are the same on x86-64 and aarch64 (asm-generic/signal.h). Names follow Python's {@code signal}
 * module, which is what Supervisor prints: aliases resolve to the first-defined name (6 is SIGABRT, 17
 * SIGCHLD, 29 SIGPOLL), 34 and 64 are SIGRTMIN and SIGRTMAX, and other numbers are {@code signal <n>}.
 */
public final class Signals {
    // Signals the daemon sends or handles; Supervisor config may name any other through number().
    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGKILL = 9;
    public static final int SIGUSR1 = 10;
    public static final int SIGUSR2 = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGTERM = 15;
    public static final int SIGCHLD = 17;
    public static final int SIGCONT = 18;
    public static final int SIGSTOP = 19;
    public static final int SIGWINCH = 28;

    static final int SIG_BLOCK = 0;
    static final int SIG_UNBLOCK = 1;
    static final int SIG_SETMASK = 2;
    /** struct sigaction starts with the handler pointer; SIG_DFL is 0 and SIG_IGN 1 (asm-generic). */
    static final long SIGACTION_SIZE = 152;
    static final long SA_HANDLER = 0;
    static final long SIG_DFL = 0;
    static final long SIG_IGN = 1;

    private static final String[] NAMES = new String[65];
    private static final Map<String, Integer> ALIASES = Map.of("SIGIOT", 6, "SIGCLD", 17, "SIGIO", 29);

    static {
        String[] first31 = {"SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
            "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD",
            "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM",
            "SIGPROF", "SIGWINCH", "SIGPOLL", "SIGPWR", "SIGSYS"};
        System.arraycopy(first31, 0, NAMES, 1, first31.length);
        NAMES[34] = "SIGRTMIN";
        NAMES[64] = "SIGRTMAX";
    }

    private Signals() {}

    /** Supervisor's name for a signal number: {@code SIGTERM}, {@code SIGPOLL}, or {@code signal 40}. */
    public static String name(int signal) {
        String name = signal > 0 && signal < NAMES.length ? NAMES[signal] : null;
        return name != null ? name : "signal " + signal;
    }

    /**
     * The number for a signal name, with or without the SIG prefix, in any case ({@code term}, {@code SIGIO});
     * empty for unknown names. Numeric strings are the caller's business.
     */
    public static OptionalInt number(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        String full = upper.startsWith("SIG") ? upper : "SIG" + upper;
        for (int i = 1; i < NAMES.length; i++) {
            if (full.equals(NAMES[i])) {
                return OptionalInt.of(i);
            }
        }
        Integer alias = ALIASES.get(full);
        return alias != null ? OptionalInt.of(alias) : OptionalInt.empty();
    }

    /**
     * Sends {@code signal} to one process.
     *
     * @return false if no such process exists (ESRCH: it already died; reaping will tell)
     * @throws PosixException for EPERM and other unexpected errors
     */
    public static boolean kill(int pid, int signal) {
        if (pid <= 0) {
            // kill(0) and kill(-1) would hit our own group or every process we may signal.
            throw new IllegalArgumentException("refusing to kill pid " + pid);
        }
        return send(pid, signal);
    }

    /** Sends {@code signal} to every process in process group {@code pgid} (kill(-pgid)); false on ESRCH. */
    public static boolean killProcessGroup(int pgid, int signal) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to kill process group " + pgid);
        }
        return send(-pgid, signal);
    }

    private static boolean send(int target, int signal) {
        if (Libc.kill(target, signal) == 0) {
            return true;
        }
        int errno = Ffm.errno();
        if (errno == Errno.ESRCH) {
            return false;
        }
        throw new PosixException("kill", errno, "pid=" + target + ", sig=" + name(signal));
    }

    /** Whether {@code signal}'s disposition in this process is SIG_IGN (for instance HUP under nohup). */
    public static boolean isIgnored(int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(SIGACTION_SIZE, 8);
            if (Libc.sigaction(signal, MemorySegment.NULL, old) < 0) {
                throw new PosixException("sigaction", Ffm.errno(), "sig=" + name(signal));
            }
            return old.get(ValueLayout.JAVA_LONG, SA_HANDLER) == SIG_IGN;
        }
    }

    /**
     * Sets {@code signal}'s disposition to SIG_DFL. Needed before {@code sun.misc.Signal.handle}, which
     * silently skips a signal that was ignored when the JVM started. Never call it for a signal the JVM
     * already handles: the handler would be lost.
     */
    public static void resetToDefault(int signal) {
        MemorySegment previous = Libc.signal(signal, MemorySegment.ofAddress(SIG_DFL));
        if (previous.address() == -1L) {
            throw new PosixException("signal", Ffm.errno(), "sig=" + name(signal) + ", SIG_DFL");
        }
    }

    /** Adds {@code signals} to the calling thread's mask (pthread_sigmask SIG_BLOCK). */
    public static void blockInThisThread(int... signals) {
        changeThreadMask(SIG_BLOCK, "SIG_BLOCK", signals);
    }

    /** Removes {@code signals} from the calling thread's mask (pthread_sigmask SIG_UNBLOCK). */
    public static void unblockInThisThread(int... signals) {
        changeThreadMask(SIG_UNBLOCK, "SIG_UNBLOCK", signals);
    }

    /** Whether {@code signal} is blocked in the calling thread. */
    public static boolean isBlockedInThisThread(int signal) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = arena.allocate(LibcSpawn.SIGSET_T_SIZE, 8);
            int error = Libc.pthread_sigmask(SIG_BLOCK, MemorySegment.NULL, current);
            if (error != 0) {
                throw new PosixException("pthread_sigmask", error, "query");
            }
            return SigSet.contains(current, signal);
        }
    }

    /** Sends {@code signal} to the calling thread (raise), for tests of thread-directed delivery. */
    static void raise(int signal) {
        if (Libc.raise(signal) != 0) {
            throw new PosixException("raise", Ffm.errno(), "sig=" + name(signal));
        }
    }

    private static void changeThreadMask(int how, String howName, int... signals) {
        try (Arena arena = Arena.ofConfined()) {
            int error = Libc.pthread_sigmask(how, SigSet.of(arena, signals), MemorySegment.NULL);
            if (error != 0) {
                throw new PosixException("pthread_sigmask", error, howName);
            }
        }
    }
}
