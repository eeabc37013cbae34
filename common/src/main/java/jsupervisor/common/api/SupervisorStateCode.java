package jsupervisor.common.api;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The daemon's mood as {@code supervisor.getState} reports it, mirroring
 * {@code supervisor/states.py SupervisorStates} (REFERENCE §2): RUNNING normally, RESTARTING
 * during a reload, SHUTDOWN during shutdown. FATAL exists but nothing ever sets it. Only RUNNING
 * allows RPC calls; {@link #allowsRpc()} states that so callers need not compare codes.
 *
 * <p>Immutable.
 */
public enum SupervisorStateCode {
    FATAL(2),
    RUNNING(1),
    RESTARTING(0),
    SHUTDOWN(-1);

    private static final SupervisorStateCode[] VALUES = values();

    private final int code;

    SupervisorStateCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The mood with this code.
     *
     * @throws IllegalArgumentException for a code Supervisor does not define
     */
    public static SupervisorStateCode fromCode(int code) {
        for (SupervisorStateCode s : VALUES) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("no supervisor state has code " + code);
    }

    /** Supervisor refuses RPCs with SHUTDOWN_STATE when the mood is below RUNNING ({@code _update}). */
    public boolean allowsRpc() {
        return code >= RUNNING.code;
    }

    /** {@code getState}'s answer: {@code statecode} then {@code statename}, in Supervisor's order. */
    public XmlRpcValue.Struct toStruct() {
        return XmlRpcValue.Struct.builder()
                .put("statecode", code)
                .put("statename", name())
                .build();
    }

    /** Reads {@code getState}'s answer by its code; the name is informative only. */
    public static SupervisorStateCode fromStruct(XmlRpcValue.Struct struct) {
        return fromCode(struct.getInt("statecode"));
    }
}
