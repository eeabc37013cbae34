package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: the same calls against the real supervisord 4.2.5 (run live; skipped when it is not
 * installed) and against our dispatcher, with the same configuration. Answers must be equal after replacing each
 * side's directory with {@code DIR}, AUTO log names with a placeholder and dropping {@code now}.
 */
class ReferenceParityIT {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");
    private static final String PROGRAMS = """
            [unix_http_server]
            file=%(here)s/sock

            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

            [program:sleeper]
            command=/bin/sleep 1000
            startsecs=0
            stdout_logfile=%(here)s/sleeper.out
            stderr_logfile=NONE

            [program:idle]
            command=/bin/sleep 1000
            autostart=false
            stdout_logfile=%(here)s/idle.out

            [program:missing]
            command=/nonexistent/program
            autostart=false

            [program:isdir]
            command=/tmp
            autostart=false

            [group:grp]
            programs=ga

            [program:ga]
            command=/bin/sleep 1000
            autostart=false
            """;

    @TempDir
    Path ours;
    @TempDir
    Path theirs;
    RpcHarness h;
    Process reference;
    UnixRpcClient client;
    final List<Long> referencePids = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && Files.exists(SUPERVISORD), "the real supervisord is not installed");
        h = new RpcHarness(ours, PROGRAMS);
        RpcHarness.writeConfig(theirs, PROGRAMS);
        reference = new ProcessBuilder(PYTHON.toString(), SUPERVISORD.toString(), "-n", "-c",
                theirs.resolve("supervisord.conf").toString())
                .redirectErrorStream(true).redirectOutput(theirs.resolve("stdout.txt").toFile()).start();
        client = new UnixRpcClient(theirs.resolve("sock"));
        h.await("the reference to answer", this::referenceUp);
        h.await("sleeper running on both", () -> running(theirOutcome("supervisor.getProcessInfo", of("sleeper")))
                && running(ourOutcome("supervisor.getProcessInfo", of("sleeper"))));
    }

    private static boolean running(XmlRpcValue info) {
        return info instanceof XmlRpcValue.Struct s && s.getString("statename").equals("RUNNING");
    }

    private static boolean noneStopping(XmlRpcValue all) {
        return all.asList().stream().noneMatch(i -> i.asStruct().getString("statename").equals("STOPPING"));
    }

    private boolean referenceUp() {
        if (!Files.exists(theirs.resolve("sock"))) {
            return false;
        }
        try {
            client.call("supervisor.getState", List.of());
            return true;
        } catch (IOException | XmlRpcFault e) {
            return false;
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (reference != null) {
                XmlRpcValue all = theirOutcome("supervisor.getAllProcessInfo");
                all.asList().forEach(v -> referencePids.add(v.asStruct().getLong("pid")));
                theirOutcome("supervisor.shutdown");
                if (!reference.waitFor(RpcHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
                    reference.destroyForcibly();
                }
            }
        } finally {
            referencePids.stream().filter(p -> p > 0).forEach(p -> ProcessHandle.of(p)
                    .ifPresent(ProcessHandle::destroyForcibly));
            if (h != null) {
                h.close();
            }
        }
    }

    /** The reference's answer as a value: the result, a fault struct, or the string {@code HTTP <status>}. */
    private XmlRpcValue theirOutcome(String method, XmlRpcValue... params) {
        CompletableFuture<XmlRpcValue> f = CompletableFuture.supplyAsync(() -> {
            try {
                return client.call(method, List.of(params));
            } catch (XmlRpcFault e) {
                return e.toStruct();
            } catch (IOException e) {
                return of("HTTP " + e.getMessage());
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
        try {
            return normalize(f.get(RpcHarness.DEADLINE.toSeconds(), TimeUnit.SECONDS), theirs);
        } catch (Exception e) {
            throw new AssertionError("reference call " + method + " failed", e);
        }
    }

    private XmlRpcValue ourOutcome(String method, XmlRpcValue... params) {
        try {
            return normalize(switch (h.answer(method, params)) {
                case RpcAnswer.Value v -> v.value();
                case RpcAnswer.Fault f -> f.fault().toStruct();
                case RpcAnswer.ServerError e -> of("HTTP 500");
            }, ours);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static XmlRpcValue normalize(XmlRpcValue v, Path dir) {
        return switch (v) {
            case XmlRpcValue.Str s -> of(s.value().replace(dir.toString(), "DIR")
                    .replaceAll("---rpc-it-[A-Za-z0-9_]+\\.log", "---rpc-it-AUTO.log"));
            case XmlRpcValue.Array a -> XmlRpcValue.array(a.values().stream().map(x -> normalize(x, dir)).toList());
            case XmlRpcValue.Struct s -> {
                XmlRpcValue.Struct.Builder b = XmlRpcValue.Struct.builder();
                s.members().forEach((k, x) -> {
                    if (!k.equals("now")) {
                        b.put(k, normalize(x, dir));
                    }
                });
                yield b.build();
            }
            default -> v;
        };
    }

    private void same(String method, XmlRpcValue... params) {
        assertThat(ourOutcome(method, params)).as(method + " " + List.of(params))
                .isEqualTo(theirOutcome(method, params));
    }

    @Test
    void introspectionIsIdentical() {
        same("system.listMethods");
        for (XmlRpcValue name : theirOutcome("system.listMethods").asList()) {
            same("system.methodSignature", name);
            same("system.methodHelp", name);
        }
        same("system.methodHelp", of("nope"));
        same("system.methodSignature", of("nope"));
    }

    @Test
    void simpleAnswersAreIdentical() {
        same("supervisor.getAPIVersion");
        same("supervisor.getVersion");
        same("supervisor.getSupervisorVersion");
        same("supervisor.getIdentification");
        same("supervisor.getState");
        same("supervisor.getAllConfigInfo"); // AUTO names resolved in the stored configs of active groups
        same("supervisor.reloadConfig");
        same("supervisor.getAllConfigInfo"); // fresh configs: 'auto' again
        same("supervisor.getProcessInfo", of("idle"));
        same("supervisor.getProcessInfo", of("grp:ga"));
        same("supervisor.tailProcessStdoutLog", of("idle"), of(0), of(10));
        same("supervisor.clearProcessLogs", of("idle"));
        same("supervisor.stopProcessGroup", of("grp"));
        same("supervisor.signalProcessGroup", of("grp"), of("HUP"));
        same("supervisor.startProcessGroup", of("sleeper"));
    }

    @Test
    void faultsAreIdentical() {
        for (String bad : List.of("nosuch", "grp:*", "grp", "grp:nope", "sleeper:x")) {
            same("supervisor.getProcessInfo", of(bad));
        }
        same("supervisor.startProcess", of("missing"));
        same("supervisor.startProcess", of("isdir"));
        same("supervisor.startProcess", of("sleeper"));
        same("supervisor.startProcess", of("nosuch"));
        same("supervisor.stopProcess", of("idle"));
        same("supervisor.signalProcess", of("idle"), of("HUP"));
        same("supervisor.signalProcess", of("sleeper"), of("NOPE"));
        same("supervisor.signalProcess", of("sleeper"), of("99"));
        same("supervisor.readProcessStderrLog", of("sleeper"), of(0), of(0));
        same("supervisor.readProcessStdoutLog", of("idle"), of(0), of(0));
        same("supervisor.readProcessStdoutLog", of("sleeper"), of(-1), of(1));
        same("supervisor.readLog", of(-1), of(1));
        same("supervisor.readLog", of(0), of(-1));
        same("supervisor.addProcessGroup", of("idle"));
        same("supervisor.addProcessGroup", of("nope"));
        same("supervisor.removeProcessGroup", of("nope"));
        same("supervisor.removeProcessGroup", of("sleeper"));
        same("supervisor.sendProcessStdin", of("idle"), of("x"));
        same("supervisor.sendProcessStdin", of("sleeper"), of(5));
        same("supervisor.sendProcessStdin", of("grp:*"), of("x"));
        same("supervisor.clearProcessLogs", of("nope"));
        same("supervisor.startProcessGroup", of("nope"));
        same("supervisor.getState", of(1));
        for (String name : List.of("supervisor._update", "a.b.c", "nope.x", "supervisor.nope", "system._listMethods")) {
            same(name);
        }
    }

    @Test
    void controlFlowsAreIdentical() {
        same("supervisor.startProcess", of("idle")); // waits startsecs=1 on both
        same("supervisor.startProcess", of("idle"));
        same("supervisor.sendProcessStdin", of("idle"), of("x"));
        same("supervisor.stopProcessGroup", of("idle"));
        same("supervisor.startAllProcesses", of(false));
        same("supervisor.signalAllProcesses", of("CONT"));
        same("supervisor.stopAllProcesses", of(false));
        // the stop did not wait, and a start while ga is still STOPPING only logs "already running": without
        // letting both daemons reap first, the next two answers depend on which one got there in time
        h.await("nothing stopping on both", () -> noneStopping(theirOutcome("supervisor.getAllProcessInfo"))
                && noneStopping(ourOutcome("supervisor.getAllProcessInfo")));
        same("supervisor.startProcess", of("grp:"), of(false));
        same("supervisor.stopProcess", of("grp:*"), of(false));
    }

    @Test
    void multicallIsIdentical() {
        same("system.multicall", XmlRpcValue.array(
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.getAPIVersion").build(),
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.getProcessInfo")
                        .put("params", XmlRpcValue.array(of("nosuch"))).build(),
                XmlRpcValue.Struct.builder().put("params", XmlRpcValue.array()).build(),
                XmlRpcValue.Struct.builder().put("methodName", "system.multicall").build(),
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.stopProcess")
                        .put("params", XmlRpcValue.array(of("sleeper"))).build(),
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.startProcess")
                        .put("params", XmlRpcValue.array(of("sleeper"))).build()));
    }

    /**
     * Params of a type a method does not expect, where Supervisor still answers with a fault or a result: the
     * fault texts show Python's {@code str()} of the value, a float signal is truncated, and a group name of any
     * type is looked up (and not found).
     */
    @Test
    void oddlyTypedParamsAreIdentical() {
        XmlRpcValue time = of(LocalDateTime.of(2020, 1, 2, 3, 4, 5));
        XmlRpcValue list = XmlRpcValue.array(of(1), of("x'y"), XmlRpcValue.array(of(2.5), of(true)), time);
        XmlRpcValue struct = XmlRpcValue.Struct.builder().put("a", of(1)).put("b", XmlRpcValue.array()).build();
        for (XmlRpcValue chars : List.of(list, of(1.5), of(1e20), struct, XmlRpcValue.Struct.builder().build(), time,
                of(true))) {
            same("supervisor.sendProcessStdin", of("sleeper"), chars);
        }
        same("supervisor.signalProcess", of("sleeper"), of(18.7)); // SIGCONT
        same("supervisor.signalProcess", of("sleeper"), of(99.5));
        same("supervisor.signalProcess", of("sleeper"), of(-0.5)); // int() makes it 0, which is no signal
        same("supervisor.signalAllProcesses", of(18.9));
        same("supervisor.signalProcessGroup", of("sleeper"), of(99.5));
        for (XmlRpcValue name : List.of(of(5), of(true), of(1.5), time)) {
            same("supervisor.addProcessGroup", name);
            same("supervisor.removeProcessGroup", name);
            same("supervisor.startProcessGroup", name);
            same("supervisor.stopProcessGroup", name);
            same("supervisor.signalProcessGroup", name, of("CONT"));
        }
        same("supervisor.addProcessGroup", list);
        same("supervisor.addProcessGroup", struct);
        same("system.multicall", XmlRpcValue.array(
                XmlRpcValue.Struct.builder().put("methodName", of(5)).build(),
                XmlRpcValue.Struct.builder().put("methodName", of(1.5)).build(),
                XmlRpcValue.Struct.builder().put("methodName", list).build(),
                XmlRpcValue.Struct.builder().put("methodName", time).build(),
                XmlRpcValue.Struct.builder().put("methodName", "supervisor.signalProcess")
                        .put("params", XmlRpcValue.array(of("sleeper"), of(99.5))).build()));
    }

    /**
     * Where Python dies of the value (HTTP 500), we answer INCORRECT_PARAMETERS, and for a bulk call the whole
     * call fails, as Python's exception escapes the loop over the processes.
     */
    @Test
    void unusableSignalsAreParameterErrors() {
        XmlRpcValue incorrect = XmlRpcValue.Struct.builder().put("faultCode", of(2))
                .put("faultString", "INCORRECT_PARAMETERS").build();
        for (XmlRpcValue sig : List.of(XmlRpcValue.array(), XmlRpcValue.Struct.builder().build(),
                of(LocalDateTime.of(2020, 1, 2, 3, 4, 5)), of(java.lang.Double.POSITIVE_INFINITY))) {
            assertThat(theirOutcome("supervisor.signalProcess", of("sleeper"), sig).toString()).contains("500");
            assertThat(ourOutcome("supervisor.signalProcess", of("sleeper"), sig)).isEqualTo(incorrect);
            assertThat(ourOutcome("supervisor.signalAllProcesses", sig)).isEqualTo(incorrect);
        }
    }
}
