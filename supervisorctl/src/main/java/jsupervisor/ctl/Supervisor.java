package jsupervisor.ctl;

import java.util.ArrayList;
import java.util.List;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The {@code supervisor.*} methods supervisorctl calls (REFERENCE §6.4), typed, over an {@link Rpc}. Like the
 * reference's proxy it holds nothing but the endpoint. One thread.
 */
public final class Supervisor {
    /**
     * One element of a multi-process answer ({@code startAllProcesses}, {@code stopProcessGroup}, ...), or a
     * fault turned into one by a command. Immutable.
     */
    public record Result(String name, String group, int status, String description) {
        static Result of(XmlRpcValue v) {
            XmlRpcValue.Struct s = v.asStruct();
            return new Result(s.getString("name"), s.getString("group"), s.getInt("status"),
                    s.has("description") ? s.getString("description") : "");
        }
    }

    private final Rpc rpc;

    public Supervisor(Rpc rpc) {
        this.rpc = rpc;
    }

    private XmlRpcValue call(String method, XmlRpcValue... params) throws XmlRpcFault, ProtocolError, PythonError {
        return rpc.call("supervisor." + method, params);
    }

    private static XmlRpcValue str(String s) {
        return XmlRpcValue.of(s);
    }

    private static List<Result> results(XmlRpcValue v) {
        List<Result> out = new ArrayList<>();
        for (XmlRpcValue e : v.asList()) {
            out.add(Result.of(e));
        }
        return out;
    }

    public String getVersion() throws Exception {
        return call("getVersion").asString();
    }

    public String getSupervisorVersion() throws Exception {
        return call("getSupervisorVersion").asString();
    }

    public int getPID() throws Exception {
        return call("getPID").asInt();
    }

    public List<ProcessInfo> getAllProcessInfo() throws Exception {
        List<ProcessInfo> out = new ArrayList<>();
        for (XmlRpcValue e : call("getAllProcessInfo").asList()) {
            out.add(ProcessInfo.fromStruct(e.asStruct()));
        }
        return out;
    }

    public ProcessInfo getProcessInfo(String name) throws Exception {
        return ProcessInfo.fromStruct(call("getProcessInfo", str(name)).asStruct());
    }

    public List<XmlRpcValue.Struct> getAllConfigInfo() throws Exception {
        List<XmlRpcValue.Struct> out = new ArrayList<>();
        for (XmlRpcValue e : call("getAllConfigInfo").asList()) {
            out.add(e.asStruct());
        }
        return out;
    }

    public void startProcess(String name) throws Exception {
        call("startProcess", str(name));
    }

    public List<Result> startProcessGroup(String group) throws Exception {
        return results(call("startProcessGroup", str(group)));
    }

    public List<Result> startAllProcesses() throws Exception {
        return results(call("startAllProcesses"));
    }

    public void stopProcess(String name) throws Exception {
        call("stopProcess", str(name));
    }

    public List<Result> stopProcessGroup(String group) throws Exception {
        return results(call("stopProcessGroup", str(group)));
    }

    public List<Result> stopAllProcesses() throws Exception {
        return results(call("stopAllProcesses"));
    }

    public void signalProcess(String name, String sig) throws Exception {
        call("signalProcess", str(name), str(sig));
    }

    public List<Result> signalProcessGroup(String group, String sig) throws Exception {
        return results(call("signalProcessGroup", str(group), str(sig)));
    }

    public List<Result> signalAllProcesses(String sig) throws Exception {
        return results(call("signalAllProcesses", str(sig)));
    }

    public void clearProcessLogs(String name) throws Exception {
        call("clearProcessLogs", str(name));
    }

    public List<Result> clearAllProcessLogs() throws Exception {
        return results(call("clearAllProcessLogs"));
    }

    public String readProcessLog(String channel, String name, int offset, int length) throws Exception {
        String method = channel.equals("stdout") ? "readProcessStdoutLog" : "readProcessStderrLog";
        return call(method, str(name), XmlRpcValue.of(offset), XmlRpcValue.of(length)).asString();
    }

    public String readLog(int offset, int length) throws Exception {
        return call("readLog", XmlRpcValue.of(offset), XmlRpcValue.of(length)).asString();
    }

    public void shutdown() throws Exception {
        call("shutdown");
    }

    public void restart() throws Exception {
        call("restart");
    }

    /** {@code reloadConfig()[0]}: the added, changed and removed group names. */
    public List<List<String>> reloadConfig() throws Exception {
        List<List<String>> out = new ArrayList<>();
        for (XmlRpcValue names : call("reloadConfig").asList().get(0).asList()) {
            List<String> l = new ArrayList<>();
            for (XmlRpcValue n : names.asList()) {
                l.add(n.asString());
            }
            out.add(l);
        }
        return out;
    }

    public void addProcessGroup(String name) throws Exception {
        call("addProcessGroup", str(name));
    }

    public void removeProcessGroup(String name) throws Exception {
        call("removeProcessGroup", str(name));
    }

    public void sendProcessStdin(String name, String chars) throws Exception {
        call("sendProcessStdin", str(name), str(chars));
    }
}
