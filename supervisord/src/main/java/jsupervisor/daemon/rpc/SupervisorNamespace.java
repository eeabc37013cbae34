package jsupervisor.daemon.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.loop.LoopAccess;

/**
 * The {@code supervisor.*} namespace: the method table of {@code supervisor/rpcinterface.py
 * SupervisorNamespaceRPCInterface}, with Supervisor's signatures, optional params and b/c aliases, wired to the
 * classes that implement each family. One instance per loop (a daemon restart builds a new one).
 *
 * <p>Thread-safe: handlers only parse params on the caller's thread and post the rest to the loop.
 */
public final class SupervisorNamespace {
    private static final String S = "string";
    private static final String I = "int";
    private static final String B = "boolean";

    private final DaemonMethods daemon;
    private final ConfigMethods configs;
    private final ProcessControl control;
    private final ProcessIo io;
    private final LoopCalls calls;

    /**
     * @param config    the configuration the groups were created from (identifier, stored group configs)
     * @param source    reads the configuration again for {@code reloadConfig}
     * @param fileReads where log files are read, off the loop (virtual threads in the daemon)
     */
    public SupervisorNamespace(LoopAccess loop, Configuration config, ConfigSource source, Executor fileReads,
                               RemoteCommunication remoteComm) {
        this.calls = new LoopCalls(loop);
        ProcessNames names = new ProcessNames(loop);
        this.daemon = new DaemonMethods(calls, config.supervisord().identifier(),
                config.supervisord().logfile(), fileReads, remoteComm);
        this.configs = new ConfigMethods(calls, source, config.groups());
        this.control = new ProcessControl(names, new ProcessWaits(loop.stateChanges(), loop::submit));
        this.io = new ProcessIo(calls, names, fileReads);
    }

    /** The daemon's dispatcher: this namespace and {@code system.*}, reads on virtual threads. */
    public static RpcRegistry registry(LoopAccess loop, Configuration config, ConfigSource source) {
        Executor reads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("rpc-log-read-", 0).factory());
        return new RpcRegistry(new SupervisorNamespace(loop, config, source, reads,
                loop::publishRemoteCommunication).methods());
    }

    /** Every {@code supervisor.*} method, aliases included. */
    public List<RpcMethod> methods() {
        List<RpcMethod> m = new ArrayList<>();
        daemonMethods(m);
        configMethods(m);
        controlMethods(m);
        ioMethods(m);
        return m;
    }

    private static RpcMethod of(String name, String returns, List<String> params, RpcHandler h) {
        return RpcMethod.of("supervisor." + name, returns, params, h);
    }

    private void daemonMethods(List<RpcMethod> m) {
        RpcMethod api = of("getAPIVersion", S, List.of(), p -> daemon.getAPIVersion());
        m.add(api);
        m.add(api.alias("supervisor.getVersion"));
        m.add(of("getSupervisorVersion", S, List.of(), p -> daemon.getSupervisorVersion()));
        m.add(of("getIdentification", S, List.of(), p -> daemon.getIdentification()));
        m.add(of("getState", "struct", List.of(), p -> daemon.getState()));
        m.add(of("getPID", I, List.of(), p -> daemon.getPID()));
        RpcMethod readLog = of("readLog", S, List.of(I, I), p -> daemon.readLog(p.integer(0), p.integer(1)));
        m.add(readLog);
        m.add(readLog.alias("supervisor.readMainLog"));
        m.add(of("clearLog", B, List.of(), p -> daemon.clearLog()));
        m.add(of("shutdown", B, List.of(), p -> daemon.shutdown()));
        m.add(of("restart", B, List.of(), p -> daemon.restart()));
        m.add(of("sendRemoteCommEvent", B, List.of(S, S),
                p -> daemon.sendRemoteCommEvent(p.text(0), p.text(1))));
    }

    private void configMethods(List<RpcMethod> m) {
        m.add(of("reloadConfig", "array", List.of(), p -> configs.reloadConfig()));
        m.add(of("addProcessGroup", B, List.of(S), p -> configs.addProcessGroup(p.groupName(0))));
        m.add(of("removeProcessGroup", B, List.of(S), p -> configs.removeProcessGroup(p.groupName(0))));
        m.add(of("getAllConfigInfo", "array", List.of(), p -> configs.getAllConfigInfo()));
    }

    private void controlMethods(List<RpcMethod> m) {
        m.add(optional("startProcess", B, List.of(S, B),
                p -> calls.deferred(() -> control.startProcess(p.string(0), p.flag(1, true)))));
        m.add(optional("startProcessGroup", "array", List.of(S, B),
                p -> calls.deferred(() -> control.startProcessGroup(p.groupName(0), p.flag(1, true)))));
        m.add(optional("startAllProcesses", "array", List.of(B),
                p -> calls.deferred(() -> control.startAllProcesses(p.flag(0, true)))));
        m.add(optional("stopProcess", B, List.of(S, B),
                p -> calls.deferred(() -> control.stopProcess(p.string(0), p.flag(1, true)))));
        m.add(optional("stopProcessGroup", "array", List.of(S, B),
                p -> calls.deferred(() -> control.stopProcessGroup(p.groupName(0), p.flag(1, true)))));
        m.add(optional("stopAllProcesses", "array", List.of(B),
                p -> calls.deferred(() -> control.stopAllProcesses(p.flag(0, true)))));
        m.add(of("signalProcess", B, List.of(S, S),
                p -> calls.deferred(() -> control.signalProcess(p.string(0), p, 1))));
        m.add(of("signalProcessGroup", "array", List.of(S, S),
                p -> calls.deferred(() -> control.signalProcessGroup(p.groupName(0), p, 1))));
        m.add(of("signalAllProcesses", "array", List.of(S),
                p -> calls.deferred(() -> control.signalAllProcesses(p, 0))));
    }

    /** The last param is optional ({@code wait=True}). */
    private static RpcMethod optional(String name, String returns, List<String> params, RpcHandler h) {
        return new RpcMethod("supervisor." + name, returns, params, params.size() - 1, h);
    }

    private void ioMethods(List<RpcMethod> m) {
        m.add(of("getProcessInfo", "struct", List.of(S), p -> io.getProcessInfo(p.string(0))));
        m.add(of("getAllProcessInfo", "array", List.of(), p -> io.getAllProcessInfo()));
        RpcMethod readOut = of("readProcessStdoutLog", S, List.of(S, I, I),
                p -> io.readLog(p.string(0), p.integer(1), p.integer(2), true));
        m.add(readOut);
        m.add(readOut.alias("supervisor.readProcessLog"));
        m.add(of("readProcessStderrLog", S, List.of(S, I, I),
                p -> io.readLog(p.string(0), p.integer(1), p.integer(2), false)));
        RpcMethod tailOut = of("tailProcessStdoutLog", "array", List.of(S, I, I),
                p -> io.tailLog(p.string(0), p.integer(1), p.integer(2), true));
        m.add(tailOut);
        m.add(tailOut.alias("supervisor.tailProcessLog"));
        m.add(of("tailProcessStderrLog", "array", List.of(S, I, I),
                p -> io.tailLog(p.string(0), p.integer(1), p.integer(2), false)));
        RpcMethod clear = of("clearProcessLogs", B, List.of(S), p -> io.clearProcessLogs(p.string(0)));
        m.add(clear);
        m.add(clear.alias("supervisor.clearProcessLog"));
        m.add(of("clearAllProcessLogs", "array", List.of(), p -> io.clearAllProcessLogs()));
        m.add(of("sendProcessStdin", B, List.of(S, S), p -> io.sendProcessStdin(p.string(0), p)));
    }

}
