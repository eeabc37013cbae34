package jsupervisor.it.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;
import jsupervisor.it.Launchers;

/**
 * Our supervisorctl's interactive shell on a real terminal, driven through tmux (send-keys, capture-pane):
 * the prompt, tab completion of commands and process names, history across sessions, exit, Ctrl-D.
 */
class InteractiveShellIT {
    private static final Duration T = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private String session = "jsup-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final String socket = "jsup-tmux-" + ProcessHandle.current().pid();

    private Launchers.Result tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket));
        cmd.addAll(List.of(args));
        return Launchers.run(cmd, dir, Map.of(), T);
    }

    private String screen() {
        try {
            return tmux("capture-pane", "-p", "-t", session).stdout();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    private void awaitScreen(String what, java.util.function.Predicate<String> test) {
        try {
            Await.until(what, T, () -> test.test(screen()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nscreen:\n" + screen(), e);
        }
    }

    private void startShell(Path conf) throws IOException, InterruptedException {
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30",
                Launchers.bin("supervisorctl") + " -c " + conf);
    }

    @AfterEach
    void killServer() throws IOException, InterruptedException {
        // the tmux server of this test only (its own -L socket), which ends the shells it runs
        Launchers.run(List.of("tmux", "-L", socket, "kill-server"), dir, Map.of(), T);
    }

    @Test
    void promptCompletionHistoryAndExit() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "needs tmux");
        Path history = dir.resolve("history");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [unix_http_server]
                file=%s/s.sock
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [supervisorctl]
                serverurl=unix://%s/s.sock
                history_file=%s
                prompt=jsup
                [program:echoer]
                command=/bin/cat
                startsecs=0
                """.formatted(dir, dir, history))) {
            d.awaitLog("success: echoer entered RUNNING", T);
            Path conf = dir.resolve("supervisord.conf");
            startShell(conf);
            // the shell opens with `status`, then the configured prompt
            awaitScreen("status and prompt", s -> s.contains("echoer") && s.contains("RUNNING")
                    && s.contains("jsup>")); // capture-pane drops trailing spaces
            keys("vers", "Tab");
            awaitScreen("command completion", s -> s.contains("jsup> version"));
            keys("Enter");
            awaitScreen("version output", s -> s.contains("4.2.5"));
            keys("pid ech", "Tab");
            awaitScreen("name completion", s -> s.contains("jsup> pid echoer"));
            keys("Enter");
            // fg on a terminal is exercised by hand only for now: a Ctrl-C racing the terminal's mode switch can
            // end the whole shell (noted for the next session); fg itself is covered by the ctl ITs
            keys("exit", "Enter");
            Await.until("history written", T, () -> read(history).contains("version"));

            // a second session (a new tmux session: the first may still be closing) finds the first one's history
            session = session + "-again";
            startShell(conf);
            awaitScreen("second prompt", s -> s.contains("jsup>"));
            keys("Up");
            awaitScreen("history recalled", s -> s.contains("jsup> exit") || s.contains("jsup> pid echoer"));
            keys("C-u", "C-d");
            Await.until("shell gone after Ctrl-D", T, () -> {
                try {
                    return tmux("has-session", "-t", session).exitCode() != 0;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
