package jsupervisor.daemon.rpc;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.loop.LoopAccess;

/**
 * Runs a method's domain part on the loop thread and hands its outcome back as a future, after Supervisor's
 * state check ({@code rpcinterface.py _update}: SHUTDOWN_STATE once the mood is below RUNNING). Thread-safe: it
 * only posts to the loop.
 */
final class LoopCalls {
    private final LoopAccess loop;

    LoopCalls(LoopAccess loop) {
        this.loop = loop;
    }

    LoopAccess loop() {
        return loop;
    }

    /** Runs {@code body} on the loop after the state check; its value or fault completes the future. */
    <T> CompletableFuture<T> run(Supplier<T> body) {
        return deferred(() -> CompletableFuture.completedFuture(body.get()));
    }

    /** Like {@link #run}, for a body that may itself wait (start/stop with {@code wait}). */
    <T> CompletableFuture<T> deferred(Supplier<CompletableFuture<T>> body) {
        return onLoop(() -> {
            checkState();
            return body.get();
        });
    }

    /** Runs {@code body} on the loop without the state check ({@code sendRemoteCommEvent}). */
    <T> CompletableFuture<T> onLoop(Supplier<CompletableFuture<T>> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.submit(() -> {
            try {
                body.get().whenComplete((v, t) -> {
                    if (t == null) {
                        result.complete(v);
                    } else {
                        result.completeExceptionally(RpcRegistry.unwrap(t));
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** {@code _update}: must run on the loop, where the mood lives. */
    void checkState() {
        if (!loop.mood().allowsRpc()) {
            throw new RpcFault(Fault.SHUTDOWN_STATE);
        }
    }

    static CompletableFuture<XmlRpcValue> value(XmlRpcValue v) {
        return CompletableFuture.completedFuture(v);
    }
}
