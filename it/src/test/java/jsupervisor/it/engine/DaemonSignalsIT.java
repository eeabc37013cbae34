package jsupervisor.it.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;
import jsupervisor.it.EnvWithoutBlockSignal;
import jsupervisor.it.Launchers;

/** Signals to supervisord (REFERENCE.md §3.4), daemonizing and the pidfile (§3.3). */
class DaemonSignalsIT {
    private static final Duration T = Duration.ofSeconds(30);
    private static final String SLEEPER = """
            [program:sleeper]
            command=/bin/sleep 1000
            startsecs=0
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT", "QUIT"})
    void exitSignalsShutDownAndRemoveThePidfile(String signal) throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, SLEEPER)) {
            d.awaitLog("success: sleeper entered RUNNING", T);
            assertThat(Files.readString(dir.resolve("supervisord.pid"))).isEqualTo(d.pid() + "\n");
            d.signal(signal);
            assertThat(d.awaitExit(T)).isZero();
            assertThat(d.log()).contains("WARN received SIG" + signal + " indicating exit request")
                    .contains("WARN stopped: sleeper (terminated by SIGTERM)");
            assertThat(dir.resolve("supervisord.pid")).doesNotExist();
            assertThat(d.noChildLeft()).isTrue();
        }
    }

    /**
     * The launcher blocks the daemon's signals with coreutils {@code env --block-signal}; where env cannot (older
     * coreutils, busybox), the daemon re-executes itself once to get there. Here an {@code env} that refuses the
     * option comes first on PATH: every signal must still work, in the same pid.
     */
    @ParameterizedTest
    @ValueSource(strings = {"QUIT", "USR2", "HUP"})
    void signalsWorkWhenEnvCannotBlockThem(String signal) throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, SLEEPER, EnvWithoutBlockSignal.path(dir))) {
            d.awaitLog("success: sleeper entered RUNNING", T);
            assertThat(ProcessHandle.of(d.pid()).flatMap(h -> h.info().arguments()).orElseThrow())
                    .as("re-executed with -Xrs").contains("-Xrs");
            d.signal(signal);
            switch (signal) {
                case "QUIT" -> {
                    assertThat(d.awaitExit(T)).isZero();
                    assertThat(d.log()).contains("WARN received SIGQUIT indicating exit request");
                }
                case "USR2" -> d.awaitLog("INFO received SIGUSR2 indicating log reopen request", T);
                default -> d.awaitLog("WARN received SIGHUP indicating restart request", T);
            }
        }
    }

    @Test
    void hupReloadsInTheSameProcess() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, SLEEPER)) {
            d.awaitLog("success: sleeper entered RUNNING", T);
            long first = d.pidOf("sleeper");
            Files.writeString(dir.resolve("supervisord.conf"), Files.readString(dir.resolve("supervisord.conf"))
                    + "[program:added]\ncommand=/bin/sleep 1000\nstartsecs=0\n");
            d.signal("HUP");
            d.awaitLog("success: added entered RUNNING", T);
            assertThat(d.log()).contains("WARN received SIGHUP indicating restart request");
            assertThat(d.count(java.util.regex.Pattern.compile("supervisord started with pid " + d.pid())))
                    .isEqualTo(2);
            if ("root".equals(System.getProperty("user.name"))) {
                // a reload is a new start for Supervisor: its start-up messages are logged again
                assertThat(d.count(java.util.regex.Pattern.compile("CRIT Supervisor is running as root"))).isEqualTo(2);
            }
            assertThat(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
    }

    @Test
    void aPidfileThatCannotBeWrittenIsReportedAndTheStartIsNotAnnounced() throws Exception {
        Files.createDirectory(dir.resolve("supervisord.pid"));
        try (DaemonHarness d = DaemonHarness.start(dir, SLEEPER)) {
            d.awaitLog("success: sleeper entered RUNNING", T);
            assertThat(d.log()).contains("CRIT could not write pidfile " + dir.resolve("supervisord.pid") + "\n")
                    .doesNotContain("supervisord started with pid");
        }
    }

    /** The loop learns of exits from pidfds, and still logs Supervisor's SIGCHLD line, once per pass. */
    @Test
    void aChildsExitIsAnnouncedAsSupervisorsSigchldAtDebugLevel() throws Exception {
        try (DaemonHarness d = DaemonHarness.start(dir, """
                loglevel=debug
                [program:quick]
                command=/bin/sh -c 'exit 0'
                startsecs=0
                autorestart=false
                """)) {
            d.awaitLog("exited: quick (exit status 0; expected)", T);
            String log = d.log();
            int sigchld = log.indexOf("DEBG received SIGCHLD indicating a child quit\n");
            assertThat(sigchld).isPositive().isLessThan(log.indexOf("exited: quick"));
        }
    }

    @Test
    void usr2ReopensLogsAfterAnExternalRename() throws Exception {
        Path out = dir.resolve("out.log");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [program:talker]
                command=/bin/sh -c 'i=0; while true; do i=$((i+1)); echo line $i; sleep 0.05; done'
                stdout_logfile=%s
                stdout_logfile_maxbytes=0
                """.formatted(out))) {
            Await.until("first output", T, () -> LifecycleIT.read(out).contains("line 3\n"));
            Files.move(out, dir.resolve("out.log.old"));
            Files.move(dir.resolve("supervisord.log"), dir.resolve("supervisord.log.old"));
            d.signal("USR2");
            Await.until("new stdout log", T, () -> LifecycleIT.read(out).contains("line"));
            // as Supervisor: both lines go to the old file, then the file is reopened (created anew)
            Await.until("new main log", T, () -> Files.exists(dir.resolve("supervisord.log")));
            assertThat(LifecycleIT.read(dir.resolve("supervisord.log.old")))
                    .contains("INFO received SIGUSR2 indicating log reopen request\n")
                    .contains("INFO supervisord logreopen\n");
        }
    }

    @Test
    void daemonizeReturnsOnceTheDaemonRunsAndWritesThePidfile() throws Exception {
        Path conf = dir.resolve("d.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir + "/d.log\npidfile=" + dir + "/d.pid\nchildlogdir="
                + dir + "\n" + SLEEPER);
        Launchers.Result r = Launchers.run(List.of(Launchers.bin("supervisord").toString(), "-c", conf.toString()),
                dir, Map.of(), T);
        assertThat(r.exitCode()).isZero();
        assertThat(r.stdout()).isEmpty();
        long pid = Long.parseLong(Files.readString(dir.resolve("d.pid")).strip());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        try {
            assertThat(daemon.parent().map(ProcessHandle::pid)).isNotEqualTo(java.util.Optional.of(
                    ProcessHandle.current().pid()));
            Await.until("sleeper spawned", T, () -> LifecycleIT.read(dir.resolve("d.log"))
                    .contains("success: sleeper entered RUNNING"));
            daemon.destroy(); // SIGTERM
            Await.until("daemon exit", T, () -> !daemon.isAlive());
            assertThat(dir.resolve("d.pid")).doesNotExist();
        } finally {
            daemon.destroyForcibly();
        }
    }

    /**
     * {@code logfile=/dev/stdout} in a daemon: Supervisor's log keeps writing to the stdout of whoever started it
     * (its handler was opened before the fork), through reloads; "daemonizing" is logged once, not at each reload.
     */
    @Test
    void aDaemonLoggingToDevStdoutWritesWhereItWasStarted() throws Exception {
        Path conf = dir.resolve("d.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=/dev/stdout\npidfile=" + dir + "/d.pid\nchildlogdir="
                + dir + "\n" + SLEEPER);
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Launchers.bin("supervisord").toString(), "-c", conf.toString())
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        long pid = Long.parseLong(Files.readString(dir.resolve("d.pid")).strip());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        try {
            Await.until("sleeper running", T, () -> LifecycleIT.read(out).contains("success: sleeper entered RUNNING"));
            Launchers.run(List.of("kill", "-HUP", Long.toString(pid)), dir, Map.of(), T);
            Await.until("reloaded", T, () -> LifecycleIT.read(out).split("supervisord started with pid", -1).length == 3);
            daemon.destroy(); // SIGTERM
            Await.until("daemon exit", T, () -> !daemon.isAlive());
            String log = LifecycleIT.read(out);
            assertThat(log).contains("WARN received SIGHUP indicating restart request",
                    "WARN received SIGTERM indicating exit request");
            assertThat(log.split("daemonizing the supervisord process", -1)).hasSize(2);
        } finally {
            daemon.destroyForcibly();
        }
    }

    /** As root without -c, the search warning is printed once, in daemon mode as with -n. */
    @Test
    void searchingForTheConfigAsRootWarnsOnceInDaemonMode() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Files.writeString(dir.resolve("supervisord.conf"), "[supervisord]\nlogfile=" + dir + "/d.log\npidfile=" + dir
                + "/d.pid\nchildlogdir=" + dir + "\n");
        Launchers.Result r = Launchers.run(List.of(Launchers.bin("supervisord").toString()), dir, Map.of(), T);
        long pid = Long.parseLong(Files.readString(dir.resolve("d.pid")).strip());
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        try {
            assertThat(r.exitCode()).isZero();
            assertThat(r.stderr().split("UserWarning: Supervisord is running as root and it is searching", -1))
                    .hasSize(2);
            daemon.destroy();
            Await.until("daemon exit", T, () -> !daemon.isAlive());
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void aDaemonThatCannotStartReportsItsErrorToTheForeground() throws Exception {
        Path conf = dir.resolve("bad.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir + "/b.log\npidfile=" + dir + "/b.pid\nminfds="
                + Long.MAX_VALUE / 2 + "\n");
        Launchers.Result r = Launchers.run(List.of(Launchers.bin("supervisord").toString(), "-c", conf.toString()),
                dir, Map.of(), T);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).startsWith("Error: The minimum number of file descriptors required to run this "
                + "process is");
    }
}
