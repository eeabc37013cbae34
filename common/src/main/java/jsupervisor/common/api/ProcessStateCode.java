package jsupervisor.common.api;

/**
 * A process state as it appears on the wire: the {@code state} code and {@code statename} of
 * {@code getProcessInfo} and of PROCESS_STATE events. Codes and names mirror
 * {@code supervisor/states.py ProcessStates} (REFERENCE §4.1); so do the three membership tests,
 * which mirror {@code STOPPED_STATES}, {@code RUNNING_STATES} and {@code SIGNALLABLE_STATES}.
 *
 * <p>Immutable.
 */
public enum ProcessStateCode {
    STOPPED(0),
    STARTING(10),
    RUNNING(20),
    BACKOFF(30),
    STOPPING(40),
    EXITED(100),
    FATAL(200),
    UNKNOWN(1000);

    private static final ProcessStateCode[] VALUES = values();

    private final int code;

    ProcessStateCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The state with this code.
     *
     * @throws IllegalArgumentException for a code Supervisor does not define
     */
    public static ProcessStateCode fromCode(int code) {
        for (ProcessStateCode s : VALUES) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no process state has code " + code);
    }

    /** STOPPED_STATES: STOPPED, EXITED, FATAL, UNKNOWN. */
    public boolean isStopped() {
        return this == STOPPED || this == EXITED || this == FATAL || this == UNKNOWN;
    }

    /** RUNNING_STATES: RUNNING, BACKOFF, STARTING (BACKOFF counts as running, sic). */
    public boolean isRunning() {
        return this == RUNNING || this == BACKOFF || this == STARTING;
    }

    /** SIGNALLABLE_STATES: RUNNING, STARTING, STOPPING. */
    public boolean isSignallable() {
        return this == RUNNING || this == STARTING || this == STOPPING;
    }
}
