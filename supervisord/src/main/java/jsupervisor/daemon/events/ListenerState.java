package jsupervisor.daemon.events;

/**
 * The protocol state of one event listener process, with Supervisor's codes
 * ({@code supervisor/states.py EventListenerStates}). Immutable.
 *
 * <ul>
 *   <li>ACKNOWLEDGED: initial after every spawn, and after a result; waiting for {@code READY\n};</li>
 *   <li>READY: may be sent one event;</li>
 *   <li>BUSY: holds one event and owes a {@code RESULT};</li>
 *   <li>UNKNOWN: violated the protocol; terminal until the process is restarted.</li>
 * </ul>
 */
public enum ListenerState {
    READY(10),
    BUSY(20),
    ACKNOWLEDGED(30),
    UNKNOWN(40);

    private final int code;

    ListenerState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
