package jsupervisor.ctl;

import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * One XML-RPC endpoint as the commands see it: a method name and parameters in, one value or a fault out.
 * {@link RpcClient} talks to a real server; unit tests pass a hand-written fake. Used from one thread.
 */
public interface Rpc {
    /**
     * Calls {@code method}.
     *
     * @throws XmlRpcFault the server answered with a fault
     * @throws ProtocolError the server answered with an HTTP status other than 200 (e.g. 401)
     * @throws PythonError the server could not be reached or its answer could not be read
     */
    XmlRpcValue call(String method, XmlRpcValue... params) throws XmlRpcFault, ProtocolError, PythonError;
}
