package jsupervisor.daemon.rpc;

import java.util.concurrent.CompletableFuture;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.process.PriorityOrder;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.ProcessState;
import jsupervisor.daemon.process.ResolvedCommand;
import jsupervisor.daemon.process.Subprocess;

/**
 * startProcess, stopProcess, signalProcess and their group and "all" variants; mirrors the methods of the same
 * names in {@code supervisor/rpcinterface.py} (REFERENCE §6.4-6.5). Every method here runs on the loop thread,
 * inside a {@link LoopCalls} command that has already made the state check.
 */
final class ProcessControl {
    private final ProcessNames names;
    private final ProcessWaits waits;

    ProcessControl(ProcessNames names, ProcessWaits waits) {
        this.names = names;
        this.waits = waits;
    }

    CompletableFuture<XmlRpcValue> startProcess(String name, boolean wait) {
        ProcessNames.Target t = names.resolve(name);
        if (t.process() == null) {
            return startGroup(t.group(), wait);
        }
        Subprocess p = t.process();
        // test the command first: a running process whose binary was deleted reports NO_FILE
        if (p.checkCommand() instanceof ResolvedCommand.Rejected r) {
            throw FaultMapping.commandRejected(r);
        }
        if (p.state().isRunning()) {
            throw new RpcFault(Fault.ALREADY_STARTED, name);
        }
        if (p.state() == ProcessState.UNKNOWN) {
            throw new RpcFault(Fault.FAILED, name + " is in an unknown process state");
        }
        p.spawn(); // from STOPPING this only logs "already running"; the wait then reports ABNORMAL_TERMINATION
        if (p.spawnerr() != null) {
            throw new RpcFault(Fault.SPAWN_ERROR, name);
        }
        p.transition(); // startsecs=0 reaches RUNNING at once
        if (!wait || p.state() == ProcessState.RUNNING) {
            return LoopCalls.value(XmlRpcValue.of(true));
        }
        return waits.untilStarted(p, name);
    }

    CompletableFuture<XmlRpcValue> startProcessGroup(String name, boolean wait) {
        return startGroup(names.group(name), wait);
    }

    private CompletableFuture<XmlRpcValue> startGroup(ProcessGroup group, boolean wait) {
        return BulkCall.run(PriorityOrder.processesAscending(group.processes()), p -> !p.state().isRunning(),
                n -> startProcess(n, wait));
    }

    CompletableFuture<XmlRpcValue> startAllProcesses(boolean wait) {
        return BulkCall.run(names.byPriority(), p -> !p.state().isRunning(), n -> startProcess(n, wait));
    }

    CompletableFuture<XmlRpcValue> stopProcess(String name, boolean wait) {
        ProcessNames.Target t = names.resolve(name);
        if (t.process() == null) {
            return stopGroup(t.group(), wait);
        }
        Subprocess p = t.process();
        if (!p.state().isRunning()) {
            throw new RpcFault(Fault.NOT_RUNNING, name);
        }
        p.stop().ifPresent(msg -> {
            throw FaultMapping.killFailed(msg);
        });
        if (wait && !p.state().isStopped()) {
            return waits.untilStopped(p);
        }
        return LoopCalls.value(XmlRpcValue.of(true));
    }

    CompletableFuture<XmlRpcValue> stopProcessGroup(String name, boolean wait) {
        return stopGroup(names.group(name), wait);
    }

    private CompletableFuture<XmlRpcValue> stopGroup(ProcessGroup group, boolean wait) {
        return BulkCall.run(PriorityOrder.processesAscending(group.processes()), p -> p.state().isRunning(),
                n -> stopProcess(n, wait));
    }

    CompletableFuture<XmlRpcValue> stopAllProcesses(boolean wait) {
        return BulkCall.run(names.byPriority(), p -> p.state().isRunning(), n -> stopProcess(n, wait));
    }

    /** The signal param is parsed only after the name resolved (BAD_NAME wins over BAD_SIGNAL). */
    CompletableFuture<XmlRpcValue> signalProcess(String name, Params params, int signalIndex) {
        ProcessNames.Target t = names.resolve(name);
        if (t.process() == null) {
            return signalGroup(t.group(), params, signalIndex);
        }
        int sig = FaultMapping.signalNumber(params, signalIndex);
        Subprocess p = t.process();
        if (!p.state().isSignallable()) {
            throw new RpcFault(Fault.NOT_RUNNING, name);
        }
        p.signal(sig).ifPresent(msg -> {
            throw FaultMapping.killFailed(msg);
        });
        return LoopCalls.value(XmlRpcValue.of(true));
    }

    CompletableFuture<XmlRpcValue> signalProcessGroup(String name, Params params, int signalIndex) {
        return signalGroup(names.group(name), params, signalIndex);
    }

    private CompletableFuture<XmlRpcValue> signalGroup(ProcessGroup group, Params params, int signalIndex) {
        return BulkCall.run(PriorityOrder.processesAscending(group.processes()), p -> p.state().isSignallable(),
                n -> signalProcess(n, params, signalIndex));
    }

    CompletableFuture<XmlRpcValue> signalAllProcesses(Params params, int signalIndex) {
        return BulkCall.run(names.byPriority(), p -> p.state().isSignallable(),
                n -> signalProcess(n, params, signalIndex));
    }
}
