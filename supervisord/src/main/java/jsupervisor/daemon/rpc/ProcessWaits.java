package jsupervisor.daemon.rpc;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.loop.StateChanges;
import jsupervisor.daemon.process.ProcessState;
import jsupervisor.daemon.process.Subprocess;

/**
 * The {@code wait=true} halves of startProcess and stopProcess (REFERENCE §6.5): the {@code onwait} callbacks of
 * {@code rpcinterface.py}, evaluated once at once and then after every state change of the process, instead of
 * every 50 ms. Loop-confined; the futures complete on the loop thread.
 */
final class ProcessWaits {
    private final StateChanges changes;

    ProcessWaits(StateChanges changes) {
        this.changes = changes;
    }

    /** Until RUNNING; SPAWN_ERROR once spawnerr is set, ABNORMAL_TERMINATION once neither STARTING nor RUNNING. */
    CompletableFuture<XmlRpcValue> untilStarted(Subprocess p, String name) {
        return until(p, () -> {
            if (p.spawnerr() != null) {
                throw new RpcFault(Fault.SPAWN_ERROR, name);
            }
            ProcessState s = p.state();
            if (s != ProcessState.STARTING && s != ProcessState.RUNNING) {
                throw new RpcFault(Fault.ABNORMAL_TERMINATION, name);
            }
            return s == ProcessState.RUNNING ? Optional.of(XmlRpcValue.of(true)) : Optional.empty();
        });
    }

    /** Until a stopped state; logs {@code waiting for <name> to stop} (throttled by the process). */
    CompletableFuture<XmlRpcValue> untilStopped(Subprocess p) {
        return until(p, () -> {
            p.stopReport();
            return p.state().isStopped() ? Optional.of(XmlRpcValue.of(true)) : Optional.empty();
        });
    }

    private CompletableFuture<XmlRpcValue> until(Subprocess p, Supplier<Optional<XmlRpcValue>> check) {
        CompletableFuture<XmlRpcValue> result = new CompletableFuture<>();
        Runnable evaluate = () -> {
            try {
                check.get().ifPresent(result::complete);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        evaluate.run();
        if (!result.isDone()) {
            StateChanges.Watch watch = changes.watch(p, evaluate);
            result.whenComplete((v, t) -> watch.cancel());
        }
        return result;
    }
}
