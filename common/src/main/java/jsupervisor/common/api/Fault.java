package jsupervisor.common.api;

import java.util.Optional;
import jsupervisor.common.xmlrpc.XmlRpcFault;

/**
 * Supervisor's fault codes, with the names and numbers of {@code supervisor/xmlrpc.py}'s
 * {@code Faults} class (REFERENCE §6.2). There is no code 5; an unknown code is described as
 * {@code UNKNOWN}, as {@code getFaultDescription} does.
 *
 * <p>The fault string is built as {@code RPCError} builds it: the name alone, or
 * {@code NAME: extra} when there is extra text, e.g. {@code BAD_NAME: foo}.
 *
 * <p>Immutable, like every enum.
 */
public enum Fault {
    UNKNOWN_METHOD(1),
    INCORRECT_PARAMETERS(2),
    BAD_ARGUMENTS(3),
    SIGNATURE_UNSUPPORTED(4),
    SHUTDOWN_STATE(6),
    BAD_NAME(10),
    BAD_SIGNAL(11),
    NO_FILE(20),
    NOT_EXECUTABLE(21),
    FAILED(30),
    ABNORMAL_TERMINATION(40),
    SPAWN_ERROR(50),
    ALREADY_STARTED(60),
    NOT_RUNNING(70),
    SUCCESS(80),
    ALREADY_ADDED(90),
    STILL_RUNNING(91),
    CANT_REREAD(92);

    private static final Fault[] VALUES = values();

    private final int code;

    Fault(int code) {
        this.code = code;
    }

    /** The wire {@code faultCode}. */
    public int code() {
        return code;
    }

    /** The fault with this code, if Supervisor defines one. */
    public static Optional<Fault> fromCode(int code) {
        for (Fault f : VALUES) {
            if (f.code == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Mirrors {@code getFaultDescription}: the name for a known code, {@code UNKNOWN} otherwise. */
    public static String describe(int code) {
        return fromCode(code).map(Fault::name).orElse("UNKNOWN");
    }

    /** {@code NAME}, or {@code NAME: extra} when {@code extra} is non-null (even if empty, as in Python). */
    public String faultString(String extra) {
        return extra == null ? name() : name() + ": " + extra;
    }

    /** The fault with just the name as its string, e.g. {@code INCORRECT_PARAMETERS}. */
    public XmlRpcFault toXmlRpcFault() {
        return new XmlRpcFault(code, name());
    }

    /** The fault as {@code RPCError(code, extra)} sends it, e.g. {@code BAD_NAME: foo}. */
    public XmlRpcFault toXmlRpcFault(String extra) {
        return new XmlRpcFault(code, faultString(extra));
    }

    /** True when {@code fault} carries this code, whatever its text. */
    public boolean matches(XmlRpcFault fault) {
        return fault.faultCode() == code;
    }
}
