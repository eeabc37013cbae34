package jsupervisor.daemon.lifecycle;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.daemon.posix.Epoll;
import jsupervisor.daemon.posix.Fd;
import jsupervisor.daemon.posix.Output;
import jsupervisor.daemon.posix.Pipe;
import jsupervisor.daemon.posix.PosixSpawner;
import jsupervisor.daemon.posix.SpawnRequest;
import jsupervisor.daemon.posix.SpawnResult;
import jsupervisor.daemon.posix.Signals;

/**
 * Daemonizing without fork: a JVM cannot fork, so the foreground process re-spawns itself (same command line)
 * in a new session with stdio on /dev/null, and waits on a pipe (the child's fd 3) until the daemon reports
 * that it is up, or reports its start-up error, which the foreground process then prints. So
 * {@code supervisord} returns 0 only once the daemon runs, and a broken start is visible to whoever ran it —
 * better than Supervisor, whose parent exits 0 before the child has tried anything.
 *
 * <p>The daemon is started with HUP, INT, QUIT, TERM and USR2 blocked and with {@code -Xrs}, so that it can
 * read all of them (QUIT included) from a signalfd; see {@code pidproxy.Reexec} for why each piece is needed.
 */
public final class Daemonizer {
    /** Set in the daemon's environment; never passed on to its children. */
    public static final String CHILD_MARKER = "JSUPERVISOR_DAEMON_CHILD";
    static final String SR_SIGNUM_VARIABLE = "_JAVA_SR_SIGNUM";
    static final String SR_SIGNUM = "39";
    private static final String STARTED = "started\n";
    private static final int REPORT_FD = 3;
    private static final int MAX_WAIT_MILLIS = 300_000;

    private Daemonizer() {}

    /** True in the re-spawned daemon. */
    public static boolean isDaemonChild(Map<String, String> env) {
        return "1".equals(env.get(CHILD_MARKER));
    }

    /** The environment without what daemonizing added, for the daemon's children. */
    public static Map<String, String> scrub(Map<String, String> env) {
        Map<String, String> copy = new LinkedHashMap<>(env);
        copy.remove(CHILD_MARKER);
        copy.remove(SR_SIGNUM_VARIABLE, SR_SIGNUM);
        return copy;
    }

    /**
     * Foreground side: starts the daemon and waits for its report. Returns the daemon's error text, or null
     * once it has started.
     */
    public static String startDaemon(Map<String, String> env) throws IOException {
        List<String> argv = commandLine();
        if (!argv.contains("-Xrs")) {
            argv.add(1, "-Xrs");
        }
        Map<String, String> childEnv = new LinkedHashMap<>(env);
        childEnv.put(CHILD_MARKER, "1");
        childEnv.put(SR_SIGNUM_VARIABLE, SR_SIGNUM);
        try (Pipe report = Pipe.open()) {
            SpawnRequest request = SpawnRequest.builder("/proc/self/exe", argv, childEnv).stdinPipe(false)
                    .stdout(Output.DEV_NULL).stderr(Output.DEV_NULL)
                    .blockedSignals(List.of(Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM,
                            Signals.SIGUSR2))
                    .extraFd(report.writeEnd()).build();
            SpawnResult result = new PosixSpawner().spawn(request);
            if (result instanceof SpawnResult.Failed f) {
                return "could not start the daemon: " + f.message();
            }
            SpawnResult.Spawned s = (SpawnResult.Spawned) result;
            report.writeEnd().close();
            String text = readReport(report.readEnd());
            s.pidFd().close();
            if (text.equals(STARTED)) {
                return null;
            }
            return text.isEmpty() ? "the daemon exited before it started (see its log file)\n" : text;
        }
    }

    private static String readReport(Fd fd) {
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[4096];
        try (Epoll epoll = Epoll.open(1)) {
            epoll.add(fd, Epoll.IN, 1);
            long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000L;
            while (System.nanoTime() - deadline < 0) {
                int n = fd.read(buf, 0, buf.length);
                if (n == 0) {
                    break;
                }
                if (n > 0) {
                    text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (text.toString().equals(STARTED)) {
                        break; // the daemon keeps running; its end of the pipe closes when it exits
                    }
                    continue;
                }
                epoll.waitFor(1000);
            }
        }
        return text.toString();
    }

    /** Daemon side: where start-up errors go (the report pipe), since stderr is /dev/null. */
    public static PrintStream reportStream() {
        try {
            return new PrintStream(new FileOutputStream("/proc/self/fd/" + REPORT_FD), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new PrintStream(OutputStream.nullOutputStream());
        }
    }

    /** Daemon side: tells the waiting foreground process that the daemon is up, and closes the pipe. */
    public static void reportStarted(PrintStream report) {
        report.print(STARTED);
        report.flush();
        report.close();
        // the stream reopened /proc/self/fd/3; the inherited descriptor itself must go too
        Fd.adopt(REPORT_FD).close();
    }

    private static List<String> commandLine() throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("/proc/self/cmdline"));
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                args.add(new String(raw, start, i - start, StandardCharsets.ISO_8859_1));
                start = i + 1;
            }
        }
        return args;
    }
}
