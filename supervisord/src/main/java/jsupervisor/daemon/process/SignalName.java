package jsupervisor.daemon.process;

/**
 * Signal names as Supervisor prints them ({@code supervisor/options.py signame}): the names of Python's
 * {@code signal} module on Linux, where an alias defined later wins ({@code 6 -> SIGABRT},
 * {@code 17 -> SIGCHLD}, {@code 29 -> SIGPOLL}), {@code SIGRTMIN}/{@code SIGRTMAX} for 34/64, and
 * {@code signal <n>} for any other number. Stateless.
 */
public final class SignalName {
    public static final int SIGKILL = 9;

    /** Index = signal number, for 1..31; built from the table Python 3.11 produces on Linux x86-64/aarch64. */
    private static final String[] LOW = {
        null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGPOLL", "SIGPWR", "SIGSYS",
    };

    private SignalName() {}

    /** The name Supervisor logs for {@code sig}, e.g. {@code SIGTERM} or {@code signal 40}. */
    public static String of(int sig) {
        if (sig > 0 && sig < LOW.length) {
            return LOW[sig];
        }
        return switch (sig) {
            case 34 -> "SIGRTMIN";
            case 64 -> "SIGRTMAX";
            default -> "signal " + sig;
        };
    }
}
