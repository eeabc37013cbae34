package jsupervisor.it.ctl;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.RpcClient;
import jsupervisor.it.Await;

/**
 * One supervisord under test, running in the foreground on a config rendered from a template into its own
 * temp directory (unix socket inside it, inet server on 127.0.0.1 at a free port). Ended by its pid: SIGTERM,
 * a bounded wait, then SIGKILL for it and anything it left behind. Used from the test thread.
 */
final class Daemon implements AutoCloseable {
    static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    static final Duration GRACE = Duration.ofSeconds(3);

    final Path dir;
    final int port;
    final Path conf;
    private final Process process;
    private final String username;
    private final String password;

    private Daemon(Path dir, int port, Path conf, Process process, String username, String password) {
        this.dir = dir;
        this.port = port;
        this.conf = conf;
        this.process = process;
        this.username = username;
        this.password = password;
    }

    /** Renders {@code template} ({@code ${DIR}}, {@code ${PORT}}, plus {@code vars}) into {@code dir} and starts. */
    static Daemon start(DaemonKind kind, Path dir, String template, Map<String, String> vars) throws IOException {
        Daemon d = spawn(kind, dir, template, vars);
        d.awaitStarted();
        return d;
    }

    /** Like {@link #start} without waiting for the daemon to answer ({@link #awaitStarted} does). */
    static Daemon spawn(DaemonKind kind, Path dir, String template, Map<String, String> vars) throws IOException {
        Files.createDirectories(dir);
        int port = freePort();
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, render(template, dir, port, vars), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(kind.command(conf)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("daemon.out").toFile())
                .redirectError(dir.resolve("daemon.err").toFile()).start();
        return new Daemon(dir, port, conf, p, vars.get("USER"), vars.get("PASS"));
    }

    /** Waits until the daemon answers in the RUNNING state; on failure it is ended and its stderr reported. */
    void awaitStarted() throws IOException {
        try {
            Await.until("supervisord in " + dir + " answers", START_TIMEOUT, this::answers);
        } catch (AssertionError e) {
            close();
            throw new AssertionError(e.getMessage() + "; stderr: " + Files.readString(dir.resolve("daemon.err")), e);
        }
    }

    static String render(String template, Path dir, int port, Map<String, String> vars) {
        String s = template.replace("${DIR}", dir.toString()).replace("${PORT}", Integer.toString(port));
        for (Map.Entry<String, String> e : vars.entrySet()) {
            s = s.replace("${" + e.getKey() + "}", e.getValue());
        }
        return s;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String unixUrl() {
        return "unix://" + dir.resolve("sv.sock");
    }

    String httpUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    private boolean answers() {
        try {
            return "RUNNING".equals(rpc("supervisor.getState").asStruct().getString("statename"));
        } catch (Exception e) {
            return false;
        }
    }

    XmlRpcValue rpc(String method, XmlRpcValue... params) throws Exception {
        return new RpcClient(unixUrl(), username, password).call(method, params);
    }

    List<ProcessInfo> processes() throws Exception {
        return rpc("supervisor.getAllProcessInfo").asList().stream()
                .map(v -> ProcessInfo.fromStruct(v.asStruct())).toList();
    }

    /** Waits until no process is in a transitional state (STARTING, BACKOFF, STOPPING). */
    void settle() {
        Await.until("processes in " + dir + " settle", START_TIMEOUT, () -> {
            try {
                return processes().stream().noneMatch(i -> i.state() == 10 || i.state() == 30 || i.state() == 40);
            } catch (Exception e) {
                return true;
            }
        });
    }

    /** Waits until the daemon process has exited by itself (after {@code shutdown}). */
    void awaitExit() {
        Await.until("supervisord in " + dir + " exits", STOP_TIMEOUT, () -> !process.isAlive());
    }

    /** Waits until the daemon answers RPCs in the RUNNING state again (after {@code reload}). */
    void awaitRunning() {
        Await.until("supervisord in " + dir + " runs", START_TIMEOUT, this::answers);
    }

    /**
     * SIGTERM, a short wait, then SIGKILL for the children that hold the daemon's shutdown up (a child that
     * ignores SIGTERM would otherwise keep it waiting for stopwaitsecs), a bounded wait, then SIGKILL for it.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
