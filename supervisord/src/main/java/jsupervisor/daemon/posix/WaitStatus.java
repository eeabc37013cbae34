package jsupervisor.daemon.posix;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How a reaped child ended, decoded from the {@code siginfo_t} that waitid(2) filled in.
 *
 * <p>Immutable. For {@link Kind#EXITED} {@code code} is the exit code (0-255); for {@link Kind#KILLED} it is
 * the signal number and {@code coreDumped} may be true; {@link Kind#LOST} means the status could not be had
 * because something else reaped the child first (ECHILD), and {@code code} is 0.
 */
public record WaitStatus(int pid, Kind kind, int code, boolean coreDumped) {
    /** siginfo_t is 128 bytes on Linux for every arch; these offsets hold for x86-64 and aarch64. */
    static final long SIGINFO_SIZE = 128;
    static final long SI_SIGNO = 0;
    static final long SI_ERRNO = 4;
    static final long SI_CODE = 8;
    static final long SI_PID = 16;
    static final long SI_UID = 20;
    static final long SI_STATUS = 24;
    // si_code values for SIGCHLD (asm-generic/siginfo.h).
    static final int CLD_EXITED = 1;
    static final int CLD_KILLED = 2;
    static final int CLD_DUMPED = 3;

    /** The three ways a wait can end. */
    public enum Kind { EXITED, KILLED, LOST }

    public WaitStatus {
        if (kind == null) {
            throw new IllegalArgumentException("kind is null");
        }
        if (kind != Kind.KILLED && coreDumped) {
            throw new IllegalArgumentException("only a killed process can dump core");
        }
    }

    /** A normal exit with {@code exitCode}. */
    public static WaitStatus exited(int pid, int exitCode) {
        return new WaitStatus(pid, Kind.EXITED, exitCode, false);
    }

    /** Death by {@code signal}. */
    public static WaitStatus killed(int pid, int signal, boolean coreDumped) {
        return new WaitStatus(pid, Kind.KILLED, signal, coreDumped);
    }

    /** A child whose status another waiter took (ECHILD). */
    public static WaitStatus lost(int pid) {
        return new WaitStatus(pid, Kind.LOST, 0, false);
    }

    /**
     * Decodes a siginfo_t filled by waitid(WEXITED).
     *
     * @throws IllegalArgumentException for an si_code other than CLD_EXITED/KILLED/DUMPED (stop and continue
     *     notifications cannot occur because we never pass WSTOPPED or WCONTINUED)
     */
    static WaitStatus fromSiginfo(MemorySegment siginfo) {
        int pid = siginfo.get(ValueLayout.JAVA_INT, SI_PID);
        int status = siginfo.get(ValueLayout.JAVA_INT, SI_STATUS);
        int code = siginfo.get(ValueLayout.JAVA_INT, SI_CODE);
        return switch (code) {
            case CLD_EXITED -> exited(pid, status);
            case CLD_KILLED -> killed(pid, status, false);
            case CLD_DUMPED -> killed(pid, status, true);
            default -> throw new IllegalArgumentException("unexpected si_code " + code + " for pid " + pid);
        };
    }

    /** Whether the child called exit. */
    public boolean isExited() {
        return kind == Kind.EXITED;
    }

    /** Whether a signal ended the child. */
    public boolean isKilled() {
        return kind == Kind.KILLED;
    }

    /** The exit code; only meaningful when {@link #isExited()}. */
    public int exitCode() {
        if (kind != Kind.EXITED) {
            throw new IllegalStateException(this + " did not exit normally");
        }
        return code;
    }

    /** The terminating signal; only meaningful when {@link #isKilled()}. */
    public int signal() {
        if (kind != Kind.KILLED) {
            throw new IllegalStateException(this + " was not killed by a signal");
        }
        return code;
    }

    /**
     * Supervisor's text for the status: {@code exit status 1}, {@code terminated by SIGTERM},
     * {@code terminated by SIGSEGV (core dumped)}. Mirrors supervisor/options.py decode_wait_status().
     */
    public String describe() {
        return switch (kind) {
            case EXITED -> "exit status " + code;
            case KILLED -> "terminated by " + Signals.name(code) + (coreDumped ? " (core dumped)" : "");
            case LOST -> "exit status unknown (reaped elsewhere)";
        };
    }
}
