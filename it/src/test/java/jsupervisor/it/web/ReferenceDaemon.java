package jsupervisor.it.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.RpcClient;
import jsupervisor.it.Await;

/**
 * The real Supervisor 4.2.5 ({@code python3 /usr/bin/supervisord -n}) on the same servers and programs as
 * {@link WebDaemon}, to compare what its web UI shows with ours. Ended by its pid (TERM, then KILL for it and
 * anything it left behind).
 */
final class ReferenceDaemon implements AutoCloseable {
    static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");

    private final Process process;
    private final int port;

    private ReferenceDaemon(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isRegularFile(SUPERVISORD) && Files.isExecutable(Path.of("/usr/bin/python3"));
    }

    static ReferenceDaemon start(Path dir) throws IOException {
        Files.createDirectories(dir);
        int port = WebDaemon.freePort();
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir + "/supervisord.log\npidfile=" + dir
                + "/supervisord.pid\nchildlogdir=" + dir + "\n" + WebDaemon.config(dir, port, true));
        Process p = new ProcessBuilder("/usr/bin/python3", SUPERVISORD.toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        ReferenceDaemon daemon = new ReferenceDaemon(p, port);
        try {
            Await.until("the reference's programs to settle", WebDaemon.T, () -> daemon.settled());
        } catch (AssertionError e) {
            daemon.close();
            throw e;
        }
        return daemon;
    }

    int port() {
        return port;
    }

    RpcClient rpc() {
        return new RpcClient("http://127.0.0.1:" + port, WebDaemon.USER, WebDaemon.PASSWORD);
    }

    String state(String namespec) throws Exception {
        return ((XmlRpcValue.Struct) rpc().call("supervisor.getProcessInfo", XmlRpcValue.of(namespec)))
                .getString("statename");
    }

    private boolean settled() {
        try {
            return state("broken").equals("FATAL") && state("web:worker_1").equals("RUNNING")
                    && state("echo").equals("RUNNING") && state("quiet").equals("RUNNING");
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
