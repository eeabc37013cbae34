package jsupervisor.daemon.rpc;

import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.common.xmlrpc.XmlRpcWriter;

/**
 * What one XML-RPC call came to, for the HTTP layer: a value or a fault (both HTTP 200, written with
 * {@link XmlRpcWriter}), or a server error (HTTP 500 and a CRIT line, as Supervisor answers an unexpected
 * exception). Immutable.
 */
public sealed interface RpcAnswer {

    /** A {@code methodResponse} with one param. */
    record Value(XmlRpcValue value) implements RpcAnswer {}

    /** A {@code fault} response. */
    record Fault(XmlRpcFault fault) implements RpcAnswer {}

    /** HTTP 500; {@code detail} is for the daemon's log only, never sent to the client. */
    record ServerError(String detail) implements RpcAnswer {}

    /** The HTTP 200 body of a value or fault answer; null for a server error. */
    default byte[] body() {
        return switch (this) {
            case Value v -> XmlRpcWriter.methodResponse(v.value());
            case Fault f -> XmlRpcWriter.fault(f.fault());
            case ServerError e -> null;
        };
    }
}
