package jsupervisor.daemon.rpc;

import java.util.concurrent.CompletableFuture;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The body of one RPC method. It runs on the caller's thread and may throw {@link RpcFault} at once; work on
 * domain state is posted to the loop and the returned future completes there (exceptionally with an
 * {@link RpcFault} for a fault). A waiting call ({@code startProcess(wait=true)}) simply completes later.
 */
@FunctionalInterface
public interface RpcHandler {
    CompletableFuture<XmlRpcValue> call(Params params);
}
