package jsupervisor.daemon.process;

/**
 * How a reaped child ended: a decoded wait status, with the texts and the recorded {@code exitstatus}
 * of {@code supervisor/options.py decode_wait_status}. Immutable.
 *
 * <p>Invariant: {@link #exitstatus()} is the exit code for {@link Exited} and -1 otherwise, which is why a
 * death by signal is never "expected" (no {@code exitcodes} entry can be -1).
 */
public sealed interface ExitStatus permits ExitStatus.Exited, ExitStatus.Killed, ExitStatus.Unknown {

    /** The value Supervisor records as {@code exitstatus}: the code, or -1 for anything but a normal exit. */
    int exitstatus();

    /** The text used in {@code exited:}/{@code stopped:} log lines, e.g. {@code exit status 1}. */
    String message();

    /** Normal termination with {@code code} (0-255). */
    record Exited(int code) implements ExitStatus {
        @Override
        public int exitstatus() {
            return code;
        }

        @Override
        public String message() {
            return "exit status " + code;
        }
    }

    /** Termination by signal {@code signal}, possibly with a core dump. */
    record Killed(int signal, boolean coreDumped) implements ExitStatus {
        @Override
        public int exitstatus() {
            return -1;
        }

        @Override
        public String message() {
            return "terminated by " + SignalName.of(signal) + (coreDumped ? " (core dumped)" : "");
        }
    }

    /** A raw wait status that is neither an exit nor a signal death (a stop/continue report). */
    record Unknown(int rawStatus) implements ExitStatus {
        @Override
        public int exitstatus() {
            return -1;
        }

        @Override
        public String message() {
            return String.format("unknown termination cause 0x%04x", rawStatus);
        }
    }

    static ExitStatus exited(int code) {
        return new Exited(code);
    }

    static ExitStatus killed(int signal) {
        return new Killed(signal, false);
    }

    /**
     * Decodes a Linux {@code waitpid} status word with the glibc macros (WIFEXITED: low 7 bits zero;
     * WIFSIGNALED: low 7 bits neither 0 nor 0x7f; WCOREDUMP: bit 0x80).
     */
    static ExitStatus fromWaitStatus(int status) {
        int low = status & 0x7f;
        if (low == 0) {
            return new Exited((status >> 8) & 0xff);
        }
        if (low != 0x7f) {
            return new Killed(low, (status & 0x80) != 0);
        }
        return new Unknown(status);
    }
}
