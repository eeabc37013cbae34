package jsupervisor.daemon.rpc;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcFault;

/**
 * A fault raised by an RPC method, Supervisor's {@code RPCError(code, extra)}: the string on the wire is
 * {@code NAME} or {@code NAME: extra}. Unchecked so that handlers and loop commands can raise it anywhere;
 * {@link RpcRegistry} turns it into the answer. Immutable, no stack trace (it is an answer, not a bug).
 */
public final class RpcFault extends RuntimeException {
    private final Fault fault;
    private final String extra;

    /** @param extra the text after {@code NAME: }, or null for the name alone */
    public RpcFault(Fault fault, String extra) {
        super(fault.faultString(extra), null, false, false);
        this.fault = fault;
        this.extra = extra;
    }

    public RpcFault(Fault fault) {
        this(fault, null);
    }

    public Fault fault() {
        return fault;
    }

    /** The whole fault string, e.g. {@code BAD_NAME: foo} ({@code RPCError.text}). */
    public String text() {
        return fault.faultString(extra);
    }

    public XmlRpcFault toXmlRpcFault() {
        return new XmlRpcFault(fault.code(), text());
    }
}
