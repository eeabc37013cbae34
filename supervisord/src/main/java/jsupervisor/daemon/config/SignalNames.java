package jsupervisor.daemon.config;

import java.util.Map;
import java.util.Set;

/**
 * Signal names and numbers as Supervisor's config accepts them: every {@code SIG*} attribute of Python's
 * {@code signal} module on Linux, which includes the handler constants {@code SIG_DFL} (0) and {@code SIG_IGN}
 * (1) and the mask constants, and so accepts signal 0 ({@code supervisor.datatypes.signal_number}). Stateless.
 */
final class SignalNames {
    private static final Map<String, Integer> BY_NAME = Map.ofEntries(
            Map.entry("SIGABRT", 6), Map.entry("SIGALRM", 14), Map.entry("SIGBUS", 7), Map.entry("SIGCHLD", 17),
            Map.entry("SIGCLD", 17), Map.entry("SIGCONT", 18), Map.entry("SIGFPE", 8), Map.entry("SIGHUP", 1),
            Map.entry("SIGILL", 4), Map.entry("SIGINT", 2), Map.entry("SIGIO", 29), Map.entry("SIGIOT", 6),
            Map.entry("SIGKILL", 9), Map.entry("SIGPIPE", 13), Map.entry("SIGPOLL", 29), Map.entry("SIGPROF", 27),
            Map.entry("SIGPWR", 30), Map.entry("SIGQUIT", 3), Map.entry("SIGRTMAX", 64), Map.entry("SIGRTMIN", 34),
            Map.entry("SIGSEGV", 11), Map.entry("SIGSTKFLT", 16), Map.entry("SIGSTOP", 19), Map.entry("SIGSYS", 31),
            Map.entry("SIGTERM", 15), Map.entry("SIGTRAP", 5), Map.entry("SIGTSTP", 20), Map.entry("SIGTTIN", 21),
            Map.entry("SIGTTOU", 22), Map.entry("SIGURG", 23), Map.entry("SIGUSR1", 10), Map.entry("SIGUSR2", 12),
            Map.entry("SIGVTALRM", 26), Map.entry("SIGWINCH", 28), Map.entry("SIGXCPU", 24),
            Map.entry("SIGXFSZ", 25), Map.entry("SIG_BLOCK", 0), Map.entry("SIG_DFL", 0), Map.entry("SIG_IGN", 1),
            Map.entry("SIG_SETMASK", 2), Map.entry("SIG_UNBLOCK", 1));

    /** The values of all those attributes: 0-31, 34 and 64. */
    private static final Set<Integer> VALID_NUMBERS;

    static {
        java.util.Set<Integer> s = new java.util.HashSet<>(BY_NAME.values());
        VALID_NUMBERS = Set.copyOf(s);
    }

    private SignalNames() {}

    static Integer byName(String upperName) {
        return BY_NAME.get(upperName);
    }

    static boolean isValidNumber(long n) {
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE && VALID_NUMBERS.contains((int) n);
    }
}
