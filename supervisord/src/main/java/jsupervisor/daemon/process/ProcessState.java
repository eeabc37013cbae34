package jsupervisor.daemon.process;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of one supervised process, with Supervisor's wire codes and names
 * (mirrors {@code supervisor/states.py ProcessStates}). Immutable.
 *
 * <p>Group membership follows Supervisor exactly, including BACKOFF counting as "running" and STOPPING
 * being neither running nor stopped.
 */
public enum ProcessState {
    STOPPED(0),
    STARTING(10),
    RUNNING(20),
    BACKOFF(30),
    STOPPING(40),
    EXITED(100),
    FATAL(200),
    UNKNOWN(1000);

    /** {@code STOPPED_STATES}: a process in one of these needs no further waiting at shutdown. */
    public static final Set<ProcessState> STOPPED_STATES = Set.copyOf(EnumSet.of(STOPPED, EXITED, FATAL, UNKNOWN));
    /** {@code RUNNING_STATES}: startProcess answers ALREADY_STARTED, stopProcess may stop. */
    public static final Set<ProcessState> RUNNING_STATES = Set.copyOf(EnumSet.of(RUNNING, BACKOFF, STARTING));
    /** {@code SIGNALLABLE_STATES}: signalProcess is allowed. */
    public static final Set<ProcessState> SIGNALLABLE_STATES = Set.copyOf(EnumSet.of(RUNNING, STARTING, STOPPING));

    private final int code;

    ProcessState(int code) {
        this.code = code;
    }

    /** The wire code ({@code state} in getProcessInfo, the numbers in states.py). */
    public int code() {
        return code;
    }

    public boolean isStopped() {
        return STOPPED_STATES.contains(this);
    }

    public boolean isRunning() {
        return RUNNING_STATES.contains(this);
    }

    public boolean isSignallable() {
        return SIGNALLABLE_STATES.contains(this);
    }

    /** The state with this wire code. */
    public static ProcessState fromCode(int code) {
        for (ProcessState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no process state has code " + code);
    }
}
