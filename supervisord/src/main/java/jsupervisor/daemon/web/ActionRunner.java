package jsupervisor.daemon.web;

import java.util.List;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.rpc.RpcAnswer;

/**
 * Runs one status-page action through the RPC registry and returns the message the page then shows; mirrors
 * {@code supervisor/web.py StatusView.make_callback}: the same calls (waiting ones, as Supervisor's are), the same
 * multicalls for restarts, and the same texts. Runs on the connection's thread and blocks until the action is
 * done. Thread-safe.
 */
final class ActionRunner {
    private final SupervisorCalls calls;
    private final Messages messages;

    ActionRunner(SupervisorCalls calls, Messages messages) {
        this.calls = calls;
        this.messages = messages;
    }

    /** Runs {@code action}; {@code namespec} is required for per-process actions and ignored otherwise. */
    String run(Action action, String namespec) {
        return switch (action) {
            case REFRESH -> messages.refreshed();
            case STOPALL -> failureOr(calls.call("supervisor.stopAllProcesses"), messages.allStopped());
            case RESTARTALL -> failureOr(calls.multicall(
                    List.of("supervisor.stopAllProcesses", "supervisor.startAllProcesses"), null),
                    messages.allRestarted());
            default -> runOnProcess(action, namespec);
        };
    }

    private String runOnProcess(Action action, String namespec) {
        // Supervisor looks the process up first and answers an unknown one without calling anything
        RpcAnswer known = calls.call("supervisor.getProcessInfo", XmlRpcValue.of(namespec));
        if (known instanceof RpcAnswer.Fault f && f.fault().faultCode() == Fault.BAD_NAME.code()) {
            return Messages.noSuchProcess(namespec);
        }
        if (!(known instanceof RpcAnswer.Value)) {
            return Messages.describeFailure(known);
        }
        return switch (action) {
            case START -> switch (calls.call("supervisor.startProcess", XmlRpcValue.of(namespec))) {
                case RpcAnswer.Fault f -> Messages.startFailed(namespec, f.fault());
                case RpcAnswer.ServerError e -> Messages.describeFailure(e);
                case RpcAnswer.Value v -> Messages.started(namespec);
            };
            case STOP -> failureOr(calls.call("supervisor.stopProcess", XmlRpcValue.of(namespec)),
                    Messages.stopped(namespec));
            // the multicall's per-call faults are ignored, as Supervisor ignores them
            case RESTART -> failureOr(calls.multicall(
                    List.of("supervisor.stopProcess", "supervisor.startProcess"), namespec),
                    Messages.restarted(namespec));
            case CLEARLOG -> failureOr(calls.call("supervisor.clearProcessLogs", XmlRpcValue.of(namespec)),
                    Messages.cleared(namespec));
            default -> throw new IllegalArgumentException(action + " is not a process action");
        };
    }

    private static String failureOr(RpcAnswer answer, String success) {
        return answer instanceof RpcAnswer.Value ? success : Messages.describeFailure(answer);
    }
}
