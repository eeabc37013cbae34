package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/pidproxy against a real sh child (REFERENCE §11.1): usage, relaying signals to the pid in the
 * pidfile, exiting after TERM or when the child exits, and the unreadable-pidfile message.
 *
 * <p>All six of upstream's signals are relayed, QUIT included, although HotSpot keeps QUIT for itself:
 * pidproxy re-executes itself with the signals blocked and reads them from a signalfd (see
 * jsupervisor.daemon.pidproxy.Reexec). The tests therefore also pin that the re-exec keeps the pid the
 * launcher was started with, and that none of it leaks into the child (signal mask, environment).
 */
class PidProxyIT {
    private static final Duration LIMIT = Duration.ofSeconds(15);

    /**
     * Writes the signal mask its children get to $1.mask (read by sed from its own /proc entry: reading
     * the shell's entry would race with dash blocking signals around fork), its _JAVA_SR_SIGNUM to $1.env,
     * and last its pid to $1 (atomically). Then appends one line per trapped signal to $2; TERM, INT and
     * QUIT also end it.
     */
    private static final String TRAPPER = """
            #!/bin/sh
            trap 'echo HUP >> "$2"' HUP
            trap 'echo USR1 >> "$2"' USR1
            trap 'echo USR2 >> "$2"' USR2
            trap 'echo QUIT >> "$2"; exit 0' QUIT
            trap 'echo INT >> "$2"; exit 0' INT
            trap 'echo TERM >> "$2"; exit 0' TERM
            sed -n 's/^SigBlk:[[:space:]]*//p' /proc/self/status > "$1.mask"
            printf '%s\n' "${_JAVA_SR_SIGNUM-unset}" > "$1.env"
            echo $$ > "$1.tmp" && mv "$1.tmp" "$1"
            while :; do
                sleep 1 &
                wait $!
            done
            """;

    @TempDir
    Path tmp;

    private final List<Process> started = new ArrayList<>();
    private Path pidfile;
    private Path marks;

    @BeforeEach
    void writeFixture() throws IOException {
        Path trapper = tmp.resolve("trapper.sh");
        Files.writeString(trapper, TRAPPER);
        assertThat(trapper.toFile().setExecutable(true)).isTrue();
        pidfile = tmp.resolve("child.pid");
        marks = tmp.resolve("marks.txt");
    }

    @AfterEach
    void endEverythingWeStarted() {
        childPid().flatMap(ProcessHandle::of).ifPresent(BoundedRun::killTree);
        started.forEach(p -> BoundedRun.killTree(p.toHandle()));
    }

    @Test
    void printsUsageAndExitsOneWithFewerThanTwoArguments() {
        String launcher = Checkout.launcher("pidproxy").toString();
        for (List<String> args : List.of(List.<String>of(), List.of("only.pid"))) {
            List<String> command = new ArrayList<>(List.of(launcher));
            command.addAll(args);
            BoundedRun run = BoundedRun.run(tmp, LIMIT, command);

            assertThat(run.exitCode()).as("exit status for %s", args).isEqualTo(1);
            assertThat(run.stdoutText()).startsWith("pidproxy -- ")
                    .endsWith("Usage: " + launcher + " <pidfile name> <command> [<cmdarg1> ...]\n\n");
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/pidproxy"))) {
                List<String> reference = new ArrayList<>(List.of("/usr/bin/pidproxy"));
                reference.addAll(args);
                BoundedRun ref = BoundedRun.run(tmp, LIMIT, reference);
                assertThat(run.stdoutText()).as("the reference's usage text")
                        .isEqualTo(ref.stdoutText().replace("/usr/bin/pidproxy", launcher));
                assertThat(run.exitCode()).isEqualTo(ref.exitCode());
            }
        }
    }

    @Test
    void relaysHupUsr1AndUsr2ToThePidInThePidfileAndKeepsRunning() {
        Process proxy = startProxy(pidfile.toString(), "./trapper.sh", pidfile.toString(), marks.toString());
        awaitChildReady();

        for (String signal : List.of("HUP", "USR1", "USR2")) {
            signal(proxy.pid(), signal);
            Await.until("child trapped " + signal, LIMIT, () -> marks().contains(signal));
        }
        assertThat(marks()).containsExactly("HUP", "USR1", "USR2");
        assertThat(proxy.isAlive()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "QUIT"})
    void terminatingSignalsAreRelayedAndThenPidproxyExitsZero(String signal) throws InterruptedException {
        Process proxy = startProxy(pidfile.toString(), "./trapper.sh", pidfile.toString(), marks.toString());
        awaitChildReady();

        signal(proxy.pid(), signal);

        assertThat(proxy.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("pidproxy exited").isTrue();
        assertThat(proxy.exitValue()).isZero();
        Await.until("child trapped " + signal, LIMIT, () -> marks().contains(signal));
    }

    @Test
    void childInheritsNeitherTheBlockedSignalsNorTheReexecEnvironment() throws IOException {
        Process proxy = startProxy(pidfile.toString(), "./trapper.sh", pidfile.toString(), marks.toString());
        awaitChildReady();

        assertThat(Files.readString(tmp.resolve("child.pid.mask")).strip()).isEqualTo("0000000000000000");
        assertThat(Files.readString(tmp.resolve("child.pid.env")).strip()).isEqualTo("unset");
        assertThat(ProcessHandle.of(childPid().orElseThrow()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
                .as("the child's parent is the pid the launcher started with").contains(proxy.pid());
    }

    @Test
    void exitsZeroSoonAfterTheChildExitsByItself() throws InterruptedException {
        long t0 = System.nanoTime();
        Process proxy = startProxy(pidfile.toString(), "/bin/sh", "-c", "exit 3");

        assertThat(proxy.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("pidproxy exited").isTrue();
        assertThat(proxy.exitValue()).as("upstream ignores the child's status").isZero();
        // Upstream polls every 5 s; Process.onExit() reacts at once. Generous for a JVM start on a busy host.
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(4500));
    }

    @Test
    void saysSoWhenThePidfileCannotBeReadAndKeepsRunning() throws IOException {
        Path missing = tmp.resolve("missing.pid");
        Process proxy = startProxy(missing.toString(), "./trapper.sh", pidfile.toString(), marks.toString());
        awaitChildReady();

        signal(proxy.pid(), "HUP");
        Await.until("complaint on stdout", LIMIT,
                () -> stdout().contains("Can't read child pidfile " + missing + "!\n"));

        Files.writeString(missing, "not-a-pid\n");
        signal(proxy.pid(), "USR2");
        Await.until("second complaint", LIMIT,
                () -> stdout().lines().filter(l -> l.equals("Can't read child pidfile " + missing + "!")).count() == 2);
        assertThat(proxy.isAlive()).isTrue();
        assertThat(marks()).isEmpty();
    }

    @Test
    void runsARelativeCommandFromTheWorkingDirectoryWithoutSearchingPath() {
        Process relative = startProxy(pidfile.toString(), "trapper.sh", pidfile.toString(), marks.toString());
        awaitChildReady();
        assertThat(relative.isAlive()).isTrue();

        // "sh" is on PATH but not in the working directory: os.path.abspath semantics, so it cannot run.
        BoundedRun notFound = BoundedRun.run(tmp, LIMIT,
                List.of(Checkout.launcher("pidproxy").toString(), "other.pid", "sh", "-c", "exit 0"));
        assertThat(notFound.exitCode()).isZero();
        assertThat(notFound.stderr()).contains(tmp.resolve("sh").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"QUIT", "TERM"})
    void whereEnvCannotBlockTheSignalsPidproxyReexecutesItselfAndStillRelaysThem(String signal) throws Exception {
        Process proxy = startProxy(jsupervisor.it.EnvWithoutBlockSignal.path(tmp),
                pidfile.toString(), "./trapper.sh", pidfile.toString(), marks.toString());
        awaitChildReady();
        assertThat(proxy.toHandle().info().arguments().orElseThrow()).as("re-executed with -Xrs").contains("-Xrs");
        assertThat(Files.readString(tmp.resolve("child.pid.mask")).strip()).isEqualTo("0000000000000000");
        assertThat(Files.readString(tmp.resolve("child.pid.env")).strip()).isEqualTo("unset");

        signal(proxy.pid(), signal);

        assertThat(proxy.waitFor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)).as("pidproxy exited").isTrue();
        assertThat(proxy.exitValue()).isZero();
        Await.until("child trapped " + signal, LIMIT, () -> marks().contains(signal));
    }

    private Process startProxy(String... args) {
        return startProxy(java.util.Map.of(), args);
    }

    private Process startProxy(java.util.Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Checkout.launcher("pidproxy").toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.directory(tmp.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(tmp.resolve("proxy.out").toFile())
                    .redirectError(tmp.resolve("proxy.err").toFile())
                    .start();
            started.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** pidproxy installs its handlers before starting the child, so a written pidfile means both are ready. */
    private void awaitChildReady() {
        Await.until("child wrote " + pidfile, LIMIT, () -> childPid().isPresent());
    }

    private Optional<Long> childPid() {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidfile).strip()));
        } catch (IOException | NumberFormatException notYet) {
            return Optional.empty();
        }
    }

    private List<String> marks() {
        return readLines(marks);
    }

    private String stdout() {
        return String.join("\n", readLines(tmp.resolve("proxy.out"))) + "\n";
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a signal by name with the shell's kill builtin: the test JVM has no API for it. */
    private void signal(long pid, String name) {
        BoundedRun kill = BoundedRun.run(tmp, LIMIT,
                List.of("/bin/sh", "-c", "kill -s \"$0\" \"$1\"", name, Long.toString(pid)));
        assertThat(kill.exitCode()).as("kill -s %s %d: %s", name, pid, kill.stderr()).isZero();
    }
}
