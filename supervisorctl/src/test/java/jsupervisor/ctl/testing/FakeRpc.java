package jsupervisor.ctl.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.ProtocolError;
import jsupervisor.ctl.PythonError;
import jsupervisor.ctl.Rpc;

/**
 * A scripted {@link Rpc}: each method name maps to an answer (a value, or a failure to throw); every call is
 * recorded as {@code method(arg, ...)}. Unscripted methods fail the test. Single-threaded.
 */
public final class FakeRpc implements Rpc {
    /** An answer to one call. */
    @FunctionalInterface
    public interface Answer {
        XmlRpcValue answer(List<XmlRpcValue> params) throws XmlRpcFault, ProtocolError, PythonError;
    }

    private final Map<String, Answer> answers = new HashMap<>();
    public final List<String> calls = new ArrayList<>();

    public FakeRpc() {
        answers.put("supervisor.getVersion", p -> XmlRpcValue.of("3.0"));
    }

    /** Scripts {@code supervisor.<method>}. */
    public FakeRpc on(String method, Answer answer) {
        answers.put("supervisor." + method, answer);
        return this;
    }

    public FakeRpc returns(String method, XmlRpcValue value) {
        return on(method, p -> value);
    }

    public FakeRpc fails(String method, int code, String text) {
        return on(method, p -> {
            throw new XmlRpcFault(code, text);
        });
    }

    @Override
    public XmlRpcValue call(String method, XmlRpcValue... params) throws XmlRpcFault, ProtocolError, PythonError {
        StringBuilder b = new StringBuilder(method.replace("supervisor.", "")).append('(');
        for (int i = 0; i < params.length; i++) {
            b.append(i == 0 ? "" : ", ").append(render(params[i]));
        }
        calls.add(b.append(')').toString());
        Answer a = answers.get(method);
        if (a == null) {
            throw new AssertionError("unscripted call " + method);
        }
        return a.answer(List.of(params));
    }

    private static String render(XmlRpcValue v) {
        if (v instanceof XmlRpcValue.Str s) {
            return s.value().isEmpty() ? "''" : s.value();
        }
        return String.valueOf(v.asLong());
    }

    /** A getProcessInfo-style struct. */
    public static XmlRpcValue.Struct info(String group, String name, int state, String statename, String desc,
            int pid) {
        return XmlRpcValue.Struct.builder().put("name", name).put("group", group).put("start", 0).put("stop", 0)
                .put("now", 0).put("state", state).put("statename", statename).put("spawnerr", "")
                .put("exitstatus", 0).put("logfile", "").put("stdout_logfile", "").put("stderr_logfile", "")
                .put("pid", pid).put("description", desc).build();
    }

    /** A start/stop/signal result struct. */
    public static XmlRpcValue.Struct result(String group, String name, int status, String description) {
        return XmlRpcValue.Struct.builder().put("name", name).put("group", group).put("status", status)
                .put("description", description).build();
    }

    public static XmlRpcValue list(XmlRpcValue... values) {
        return XmlRpcValue.array(values);
    }
}
