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
 * the prompt, tab completion of commands and process names, history across sessions, exit, Ctrl-D, Ctrl-C at
 * the prompt, and {@code fg} with Ctrl-C, which must end fg and never the shell (REFERENCE §9.4).
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

    /** The screen and what scrolled off it. */
    private String scrollback() {
        try {
            return tmux("capture-pane", "-p", "-S", "-1000", "-t", session).stdout();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }

    private void awaitCount(String what, int atLeast) {
        try {
            Await.until(atLeast + " x " + what, T, () -> count(scrollback(), what) >= atLeast);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nscreen:\n" + scrollback(), e);
        }
    }

    private boolean sessionGone() {
        try {
            return tmux("has-session", "-t", session).exitCode() != 0;
        } catch (IOException | InterruptedException e) {
            return false;
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
        // exit-empty off: the server outlives a shell that ends, so a next session never races its shutdown
        tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30",
                Launchers.bin("supervisorctl") + " -c " + conf, ";", "set", "-g", "exit-empty", "off");
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
            keys("exit", "Enter");
            Await.until("history written", T, () -> read(history).contains("version"));
            Await.until("first shell gone after exit", T, this::sessionGone);

            // a second session (a new tmux session: the first may still be closing) finds the first one's history
            session = session + "-again";
            startShell(conf);
            awaitScreen("second prompt", s -> s.contains("jsup>"));
            keys("Up");
            awaitScreen("history recalled", s -> s.contains("jsup> exit") || s.contains("jsup> pid echoer"));
            keys("C-u", "C-d");
            Await.until("shell gone after Ctrl-D", T, this::sessionGone);
        }
    }

    /**
     * fg forwards typed lines to the process and shows its output; Ctrl-C leaves fg for the prompt and the
     * shell goes on. JLine delivers one Ctrl-C both as a key and as a signal, and a Ctrl-C can land at the line
     * editor, before it, or during the RPC that sends a line: rounds press it at each of those moments, and a
     * Ctrl-C leaking out of fg would end the shell at its next prompt. At the plain prompt, as in the
     * reference, Ctrl-C ends the shell.
     */
    @Test
    void fgForwardsInputAndCtrlCReturnsToTheShell() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/tmux")), "needs tmux");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [unix_http_server]
                file=%s/s.sock
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [supervisorctl]
                serverurl=unix://%s/s.sock
                [program:echoer]
                command=/bin/cat
                startsecs=0
                """.formatted(dir, dir))) {
            d.awaitLog("success: echoer entered RUNNING", T);
            startShell(dir.resolve("supervisord.conf"));
            awaitScreen("prompt", s -> s.contains("supervisor>"));
            int rounds = 12;
            for (int round = 1; round <= rounds; round++) {
                keys("fg echoer", "Enter");
                awaitCount("==> Press Ctrl-C to exit <==", round);
                String line = "hello from round " + round;
                switch (round % 4) {
                    case 1 -> {
                        // typed, sent, echoed by cat through the log tail: the typed line and cat's copy
                        keys(line, "Enter");
                        awaitCount(line, 2);
                        keys("C-c");
                    }
                    case 2 -> keys("C-c"); // as soon as the banner shows, before or at the line editor
                    case 3 -> keys(line, "Enter", "C-c"); // while the line is being sent
                    default -> {
                        keys(line); // half a line, then Ctrl-C at the line editor
                        awaitCount(line, 1);
                        keys("C-c");
                    }
                }
                awaitCount("Exiting foreground", round);
                assertThat(sessionGone()).as("shell alive after round %d", round).isFalse();
            }
            // the shell still works: a command after the last fg answers
            keys("status", "Enter");
            Await.until("status after fg", T, () -> scrollback().lines()
                    .filter(l -> l.startsWith("echoer") && l.contains("RUNNING")).count() >= 2);
            assertThat(count(scrollback(), "Exiting foreground")).isEqualTo(rounds);
            keys("C-c");
            Await.until("shell gone after Ctrl-C at the prompt", T, this::sessionGone);
        }
    }

    /**
     * A pty that nobody sized (0x0, as Python's pty module and many expect-style harnesses open it): the prompt is
     * whole, as readline shows it assuming 80 columns, and the line editor sends no terminal queries (kitty
     * keyboard, DECRQM modes, device attributes) whose answers such a harness would never give.
     */
    @Test
    void anUnsizedPtyGetsTheWholePromptAndNoQueries() throws Exception {
        Path driver = dir.resolve("pty_driver.py");
        Files.writeString(driver, """
                import os, pty, select, sys, time
                pid, fd = pty.fork()
                if pid == 0:
                    os.execv(sys.argv[1], sys.argv[1:])
                out = b""
                def pump(until, deadline):
                    global out
                    while time.time() < deadline and until not in out:
                        r, _, _ = select.select([fd], [], [], 0.05)
                        if r:
                            try:
                                d = os.read(fd, 65536)
                            except OSError:
                                return
                            if not d:
                                return
                            out += d
                pump(b"supervisor> ", time.time() + 20)
                os.write(fd, b"version\\r")
                pump(b"supervisor> version", time.time() + 20)
                os.write(fd, b"quit\\r")
                pump(b"never printed", time.time() + 5)
                try:
                    os.kill(pid, 9)
                except ProcessLookupError:
                    pass
                os.waitpid(pid, 0)
                sys.stdout.write(out.decode("latin-1"))
                """);
        Launchers.Result r = Launchers.run(List.of("/usr/bin/python3", driver.toString(),
                Launchers.bin("supervisorctl").toString(), "-s", "unix://" + dir.resolve("none.sock")), dir,
                Map.of("TERM", "xterm"), T);
        assertThat(r.stdout()).as("stderr: %s", r.stderr()).contains("supervisor> version").doesNotContain("\u001b[?u", "$p", "\u001b[c");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
