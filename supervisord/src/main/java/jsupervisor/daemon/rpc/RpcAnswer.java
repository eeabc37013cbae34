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
    record Value(XmlRpcValue value) implements RpcAnswer {
        @Override
        public byte[] body() {
            return XmlRpcWriter.methodResponse(value);
        }
    }

    /** A {@code fault} response. */
    record Fault(XmlRpcFault fault) implements RpcAnswer {
        @Override
        public byte[] body() {
            return XmlRpcWriter.fault(fault);
        }
    }

    /** HTTP 500; {@code detail} is for the daemon's log only, never sent to the client. */
    record ServerError(String detail) implements RpcAnswer {
        @Override
        public byte[] body() {
            return null;
        }
    }

    /**
     * The HTTP 200 body of a value or fault answer; null for a server error. A method of each answer rather than a
     * pattern switch over them, because a switch site spins a class the first time it runs (bench/README.md).
     */
    byte[] body();
}
