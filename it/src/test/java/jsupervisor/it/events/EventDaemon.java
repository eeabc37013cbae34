package jsupervisor.it.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.RpcClient;
import jsupervisor.it.Await;
import jsupervisor.it.Launchers;

/**
 * One supervisord, ours or the reference, in the foreground on a config rendered into its own temp directory
 * ({@code ${DIR}} for the directory, {@code ${LISTENER}} for the command that runs the recording listener;
 * the scripts are copied there). Its listeners append to {@code DIR/records.txt}. Closing ends it by pid (TERM,
 * a bounded wait, KILL) together with every process it left behind. Used from the test thread.
 */
final class EventDaemon implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Path REFERENCE_PACKAGE = Path.of("/usr/lib/python3/dist-packages/supervisor/childutils.py");

    /** Which supervisord runs. */
    enum Kind {
        REFERENCE, OURS;

        List<String> command(Path conf) {
            String program = this == OURS ? Launchers.bin("supervisord").toString() : "/usr/bin/supervisord";
            List<String> cmd = new ArrayList<>(this == OURS ? List.of() : List.of("/usr/bin/python3"));
            cmd.addAll(List.of(program, "-n", "-c", conf.toString()));
            return cmd;
        }
    }

    final Kind kind;
    final Path dir;
    private final Process process;
    private final List<ProcessHandle> seen = new ArrayList<>();

    private EventDaemon(Kind kind, Path dir, Process process) {
        this.kind = kind;
        this.dir = dir;
        this.process = process;
    }

    /**
     * Writes the config (the {@code [supervisord]} section included, which option lines at the top of the
     * template extend) and starts the daemon; does not wait.
     */
    static EventDaemon spawn(Kind kind, Path dir, String template) throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        for (String script : List.of("recording_listener.py", "burst_writer.py")) {
            try (var in = EventDaemon.class.getResourceAsStream("/events/" + script)) {
                Files.copy(in, dir.resolve(script));
            }
        }
        Path conf = dir.resolve("supervisord.conf");
        // [supervisord] last: lines at the top of a template, before its first section, add options to it
        Files.writeString(conf, render(dir, """
                [unix_http_server]
                file=${DIR}/s.sock
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [supervisord]
                logfile=${DIR}/supervisord.log
                pidfile=${DIR}/supervisord.pid
                childlogdir=${DIR}
                loglevel=debug
                """.concat(template)));
        Process p = new ProcessBuilder(kind.command(conf)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("daemon.out").toFile())
                .redirectError(dir.resolve("daemon.err").toFile()).start();
        return new EventDaemon(kind, dir, p);
    }

    /** Fills in {@code ${DIR}} and {@code ${LISTENER}} (the command that runs the recording listener). */
    static String render(Path dir, String template) {
        return template.replace("${DIR}", dir.toString())
                .replace("${LISTENER}", "/usr/bin/python3 " + dir.resolve("recording_listener.py"));
    }

    /** Writes {@code DIR/conf.d/<name>} from {@code template}, for a later reread. */
    void include(String name, String template) throws IOException {
        Files.writeString(dir.resolve("conf.d").resolve(name), render(dir, template));
    }

    /** Calls {@code method} over the daemon's unix socket. */
    XmlRpcValue rpc(String method, XmlRpcValue... params) {
        try {
            return new RpcClient("unix://" + dir.resolve("s.sock"), null, null).call(method, params);
        } catch (Exception e) {
            throw new AssertionError(kind + " " + method + ": " + e, e);
        }
    }

    /** Waits until the daemon answers RPCs. */
    void awaitAnswering() throws IOException {
        try {
            awaitAnsweringRpc();
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; stderr: " + Files.readString(dir.resolve("daemon.err")), e);
        }
    }

    private void awaitAnsweringRpc() {
        Await.until(kind + " supervisord answering in " + dir, TIMEOUT, () -> {
            try {
                new RpcClient("unix://" + dir.resolve("s.sock"), null, null).call("supervisor.getState");
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Every delivery recorded so far by the listeners of this daemon, in file order. */
    List<EventRecord> records() {
        return EventRecord.readAll(dir.resolve("records.txt"));
    }

    /** The record file as it is now (for cheap checks on large runs). */
    String recordsText() {
        try {
            return Files.readString(dir.resolve("records.txt"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The main log so far. */
    String log() {
        try {
            return Files.readString(dir.resolve("supervisord.log"), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code what} holds for the records, showing them when it never does. */
    void awaitRecords(String what, java.util.function.Predicate<List<EventRecord>> condition) {
        try {
            Await.until(kind + ": " + what, TIMEOUT, () -> condition.test(records()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nrecords:\n" + String.join("\n",
                    records().stream().map(EventRecord::toString).toList()), e);
        }
    }

    /** Sends SIGTERM: the daemon stops its children, then exits ({@link #awaitExit}). */
    void requestStop() {
        seen.addAll(process.descendants().toList());
        process.destroy();
    }

    /** Waits for the daemon to exit by itself; fails after {@link #TIMEOUT}. */
    void awaitExit() throws InterruptedException {
        if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(kind + " supervisord did not exit after SIGTERM");
        }
    }

    @Override
    public void close() throws InterruptedException {
        seen.addAll(process.descendants().toList());
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        seen.forEach(ProcessHandle::destroyForcibly);
    }
}
