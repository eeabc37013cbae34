package jsupervisor.daemon.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.rpc.RpcAnswer;
import jsupervisor.daemon.rpc.RpcRegistry;

/**
 * The web UI's way into the supervisor: the same in-process RPC registry that serves {@code /RPC2}, as
 * Supervisor's {@code web.py} calls its {@code SupervisorNamespaceRPCInterface} directly. Nothing here touches
 * loop state; each call posts to the loop and the connection's virtual thread waits for the answer, bounded so
 * no page waits forever on a loop that ended. Thread-safe.
 */
final class SupervisorCalls {
    /** As long as the longest {@code stopwaitsecs}/{@code startsecs} an operator is likely to configure. */
    private static final Duration CALL_TIMEOUT = Duration.ofMinutes(30);

    private final RpcRegistry registry;
    private final Consumer<String> errors;

    /**
     * @param errors where unexpected failures are reported: the main log at CRIT, as Supervisor logs its
     *               "Web interface error"
     */
    SupervisorCalls(RpcRegistry registry, Consumer<String> errors) {
        this.registry = registry;
        this.errors = errors;
    }

    /** Calls {@code method}; every outcome is an answer, a server error included (logged here). */
    RpcAnswer call(String method, XmlRpcValue... params) {
        RpcAnswer answer;
        try {
            answer = registry.call(method, List.of(params)).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new RpcAnswer.ServerError("interrupted while waiting for " + method);
        } catch (ExecutionException | TimeoutException e) {
            answer = new RpcAnswer.ServerError(method + ": " + e);
        }
        if (answer instanceof RpcAnswer.ServerError error) {
            errors.accept("Web interface error: " + method + " failed: " + error.detail());
        }
        return answer;
    }

    /** {@code system.multicall} of calls without params but {@code namespec} where given. */
    RpcAnswer multicall(List<String> methods, String namespec) {
        List<XmlRpcValue> calls = new ArrayList<>();
        for (String m : methods) {
            XmlRpcValue.Struct.Builder call = XmlRpcValue.Struct.builder().put("methodName", m);
            if (namespec != null) {
                call.put("params", XmlRpcValue.array(List.of(XmlRpcValue.of(namespec))));
            }
            calls.add(call.build());
        }
        return call("system.multicall", XmlRpcValue.array(calls));
    }

    /** {@code getAllProcessInfo} as rows in page order, or the answer that was not a value. */
    Rows rows() {
        RpcAnswer answer = call("supervisor.getAllProcessInfo");
        if (!(answer instanceof RpcAnswer.Value value)) {
            return new Rows(List.of(), Messages.describeFailure(answer));
        }
        List<ProcessRow> rows = new ArrayList<>();
        for (XmlRpcValue v : value.value().asList()) {
            rows.add(ProcessRow.of(ProcessInfo.fromStruct((XmlRpcValue.Struct) v)));
        }
        rows.sort(ProcessRow.ORDER);
        return new Rows(List.copyOf(rows), null);
    }

    /** The table's rows, or an error text (then the rows are empty). */
    record Rows(List<ProcessRow> rows, String error) {}
}
