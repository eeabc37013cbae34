package jsupervisor.daemon.rpc;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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
    /**
     * How often a pending stop wait asks the process to report; {@link Subprocess#stopReport()} itself throttles
     * the line to one per 2 s, as Supervisor's per-iteration polling of {@code onwait} does.
     */
    private static final long STOP_REPORT_TICK_MILLIS = 500;

    private final StateChanges changes;
    private final Executor stopReportTicks;

    /** @param loop runs a command on the loop thread ({@code LoopAccess::submit}) */
    ProcessWaits(StateChanges changes, Executor loop) {
        this.changes = changes;
        // the JDK's shared delay scheduler only times the ticks; the report itself runs on the loop
        this.stopReportTicks = CompletableFuture.delayedExecutor(STOP_REPORT_TICK_MILLIS, TimeUnit.MILLISECONDS, loop);
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

    /** Until a stopped state; logs {@code waiting for <name> to stop} at once and then every 2 s. */
    CompletableFuture<XmlRpcValue> untilStopped(Subprocess p) {
        CompletableFuture<XmlRpcValue> result = until(p, () -> {
            p.stopReport();
            return p.state().isStopped() ? Optional.of(XmlRpcValue.of(true)) : Optional.empty();
        });
        scheduleStopReport(p, result);
        return result;
    }

    private void scheduleStopReport(Subprocess p, CompletableFuture<?> wait) {
        if (!wait.isDone()) {
            stopReportTicks.execute(() -> {
                if (!wait.isDone()) {
                    p.stopReport();
                    scheduleStopReport(p, wait);
                }
            });
        }
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
