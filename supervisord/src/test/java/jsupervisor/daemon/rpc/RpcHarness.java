package jsupervisor.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.cli.DaemonOptions;
import jsupervisor.daemon.config.ConfigException;
import jsupervisor.daemon.config.ConfigLoader;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.HostFacts;
import jsupervisor.daemon.config.OsDatatypes;
import jsupervisor.daemon.config.PasswdFileAccounts;
import jsupervisor.daemon.lifecycle.AutoChildLogs;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.logging.LogLevel;
import jsupervisor.daemon.logging.RotatingFileSink;
import jsupervisor.daemon.loop.LoopAccess;
import jsupervisor.daemon.loop.SupervisorLoop;
import jsupervisor.daemon.loop.Wiring;

/**
 * A real supervisor loop on its own platform thread, with real children, driven through the RPC dispatcher
 * exactly as the HTTP layer will drive it. Every call is bounded by a deadline; {@link #close()} shuts the loop
 * down and then kills, by pid, any child that is somehow still alive.
 */
final class RpcHarness implements AutoCloseable {
    static final Duration DEADLINE = Duration.ofSeconds(15);

    final Path dir;
    final Path configFile;
    private final Thread loopThread;
    private final CompletableFuture<RpcRegistry> ready = new CompletableFuture<>();
    private final CompletableFuture<SupervisorStateCode> finished = new CompletableFuture<>();
    private final Set<Long> pidsSeen = ConcurrentHashMap.newKeySet();
    private volatile LoopAccess access;

    /** Writes {@code [supervisord]} plus {@code programs} into dir/supervisord.conf and starts the loop. */
    RpcHarness(Path dir, String programs) throws Exception {
        this.dir = dir;
        this.configFile = dir.resolve("supervisord.conf");
        writeConfig(programs);
        Configuration config = load();
        loopThread = Thread.ofPlatform().name("supervisor-loop").daemon(true).start(() -> runLoop(config));
        ready.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }

    void writeConfig(String programs) throws IOException {
        writeConfig(dir, programs);
    }

    /** dir/supervisord.conf: {@code [supervisord]} with everything in dir, identifier rpc-it, then programs. */
    static void writeConfig(Path dir, String programs) throws IOException {
        Files.writeString(dir.resolve("supervisord.conf"), "[supervisord]\nlogfile=" + dir.resolve("main.log")
                + "\npidfile=" + dir.resolve("pid") + "\nchildlogdir=" + dir + "\nnodaemon=true\nidentifier=rpc-it\n\n"
                + programs);
    }

    Configuration load() throws ConfigException {
        Map<String, String> env = System.getenv();
        Path cwd = Path.of("").toAbsolutePath();
        HostFacts host = HostFacts.current(env, cwd);
        OsDatatypes os = new OsDatatypes(PasswdFileAccounts.system(), env, cwd, host.uid());
        return new ConfigLoader(os, env, host.nodeName(), host.tempDir()).load(configFile.toString(),
                DaemonOptions.none());
    }

    private void runLoop(Configuration config) {
        try (DaemonLog log = DaemonLog.open(LogLevel.DEBG, java.time.Clock.systemDefaultZone(),
                dir.resolve("main.log"), new RotatingFileSink.Rotation(0, 0), false);
             SupervisorLoop loop = new SupervisorLoop(log, false, null)) {
            access = Wiring.wire(loop, config, new AutoChildLogs(dir, "rpc-it"), log, new HashMap<>(System.getenv()));
            ready.complete(new RpcRegistry(new SupervisorNamespace(access, config, this::load,
                    Executors.newVirtualThreadPerTaskExecutor(), RemoteCommunication.NONE).methods()));
            finished.complete(loop.run());
        } catch (Throwable t) {
            ready.completeExceptionally(t);
            finished.completeExceptionally(t);
        }
    }

    RpcRegistry registry() {
        return ready.join();
    }

    /** The answer of one call, within the deadline. */
    RpcAnswer answer(String method, XmlRpcValue... params) throws Exception {
        RpcAnswer a = registry().call(method, List.of(params)).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        if (a instanceof RpcAnswer.Value(XmlRpcValue v)) {
            recordPids(v);
        }
        return a;
    }

    /** The value of a call that must succeed. */
    XmlRpcValue call(String method, XmlRpcValue... params) throws Exception {
        RpcAnswer a = answer(method, params);
        if (!(a instanceof RpcAnswer.Value(XmlRpcValue v))) {
            return fail("expected a value from " + method + " but got " + a);
        }
        return v;
    }

    /** The fault of a call that must fail with one. */
    XmlRpcFault fault(String method, XmlRpcValue... params) throws Exception {
        RpcAnswer a = answer(method, params);
        if (!(a instanceof RpcAnswer.Fault(XmlRpcFault f))) {
            return fail("expected a fault from " + method + " but got " + a);
        }
        return f;
    }

    XmlRpcValue.Struct info(String name) throws Exception {
        return call("supervisor.getProcessInfo", XmlRpcValue.of(name)).asStruct();
    }

    String state(String name) throws Exception {
        return info(name).getString("statename");
    }

    /** Polls (through the RPC, never by sleeping) until {@code condition} holds or the deadline passes. */
    void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for " + what);
            }
            LockSupport.parkNanos(2_000_000);
        }
    }

    /** Waits until dir/name holds exactly {@code content} (a child says it is ready). */
    void awaitFile(String name, String content) {
        Path file = dir.resolve(name);
        await(name + " to hold " + content.strip(), () -> {
            try {
                return Files.exists(file) && Files.readString(file).equals(content);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void recordPids(XmlRpcValue v) {
        switch (v) {
            case XmlRpcValue.Struct s when s.has("pid") && s.get("pid") instanceof XmlRpcValue.Int(long pid) -> {
                if (pid > 0) {
                    pidsSeen.add(pid);
                }
            }
            case XmlRpcValue.Array a -> a.values().forEach(this::recordPids);
            default -> { }
        }
    }

    /**
     * Submits to the loop, unless the loop has ended meanwhile (it closes its eventfd on the way out): then
     * {@link #finished} tells why, with the loop's own exception, where a failed submit would only say EBADF.
     */
    private void submitUnlessEnded(Runnable command) throws Exception {
        try {
            access.submit(command);
        } catch (RuntimeException e) {
            finished.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            throw e; // the loop ended normally, yet refused the command
        }
    }

    /** Shuts the loop down (it stops every child), waits for it, then kills any survivor by pid. */
    @Override
    public void close() throws Exception {
        try {
            if (access != null && !finished.isDone()) {
                CompletableFuture<Void> recorded = new CompletableFuture<>();
                submitUnlessEnded(() -> {
                    // every pid, also of autostarted children no answer has shown
                    access.groups().forEach(g -> g.processes().forEach(p -> {
                        if (p.pid() > 0) {
                            pidsSeen.add((long) p.pid());
                        }
                    }));
                    access.requestStop(SupervisorStateCode.SHUTDOWN);
                    recorded.complete(null);
                });
                CompletableFuture.anyOf(recorded, finished).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            }
            finished.get(DEADLINE.toSeconds() * 2, TimeUnit.SECONDS);
        } finally {
            List<Long> survivors = new ArrayList<>();
            for (long pid : pidsSeen) {
                ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(h -> {
                    survivors.add(pid);
                    h.destroyForcibly();
                });
            }
            assertThat(survivors).as("children still alive after shutdown").isEmpty();
        }
    }
}
