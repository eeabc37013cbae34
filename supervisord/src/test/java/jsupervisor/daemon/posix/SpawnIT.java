package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real children from /bin/sh: output, exit codes, signals, directory, umask, environment, errors. */
class SpawnIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final PosixSpawner spawner = new PosixSpawner();

    static Map<String, String> env(String... extra) {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    static SpawnRequest.Builder sh(String script) {
        return SpawnRequest.builder("/bin/sh", List.of("/bin/sh", "-c", script), env());
    }

    @Test
    void stdoutAndStderrArriveThroughEpollAndExitIsSeenOnThePidfd() {
        try (ChildRun run = ChildRun.start(spawner, sh("echo out; echo err >&2; exit 0").build())) {
            assertThat(run.finish(TIMEOUT)).isEqualTo(WaitStatus.exited(run.pid(), 0));
            assertThat(run.stdout()).isEqualTo("out\n");
            assertThat(run.stderr()).isEqualTo("err\n");
        }
    }

    @Test
    void parentEndsAreNonBlockingAndCloseOnExec() {
        try (ChildRun run = ChildRun.start(spawner, sh("exit 0").build())) {
            for (Fd fd : List.of(run.child.stdin(), run.child.stdout(), run.child.stderr(), run.child.pidFd().fd())) {
                assertThat(fd.isCloseOnExec()).as("%s close-on-exec", fd).isTrue();
            }
            assertThat(run.child.stdout().isNonBlocking()).isTrue();
            assertThat(run.child.stdin().isNonBlocking()).isTrue();
            run.finish(TIMEOUT);
        }
    }

    @Test
    void exitCodesAreDecoded() {
        for (int code : new int[] {1, 3, 127, 255}) {
            try (ChildRun run = ChildRun.start(spawner, sh("exit " + code).build())) {
                WaitStatus status = run.finish(TIMEOUT);
                assertThat(status.isExited()).isTrue();
                assertThat(status.exitCode()).isEqualTo(code);
                assertThat(status.describe()).isEqualTo("exit status " + code);
            }
        }
    }

    @Test
    void deathBySignalIsDecoded() {
        try (ChildRun run = ChildRun.start(spawner, sh("kill -TERM $$").build())) {
            assertThat(run.finish(TIMEOUT)).isEqualTo(WaitStatus.killed(run.pid(), Signals.SIGTERM, false));
        }
        try (ChildRun run = ChildRun.start(spawner, sh("ulimit -c 0; kill -SEGV $$").build())) {
            WaitStatus status = run.finish(TIMEOUT);
            assertThat(status.signal()).isEqualTo(11);
            assertThat(status.describe()).startsWith("terminated by SIGSEGV");
        }
    }

    @Test
    void killFromOutsideIsDecoded() {
        try (ChildRun run = ChildRun.start(spawner, sh("exec sleep 60").build())) {
            assertThat(run.child.pidFd().reap()).isEmpty();
            assertThat(Signals.kill(run.pid(), Signals.SIGKILL)).isTrue();
            assertThat(run.finish(TIMEOUT).describe()).isEqualTo("terminated by SIGKILL");
            assertThat(Signals.kill(run.pid(), 0)).as("reaped pid is gone").isFalse();
        }
    }

    @Test
    void stdinPipeReachesTheChild() {
        try (ChildRun run = ChildRun.start(spawner, sh("cat").build())) {
            byte[] hello = "hello\n".getBytes(StandardCharsets.UTF_8);
            assertThat(run.child.stdin().write(hello, 0, hello.length)).isEqualTo(hello.length);
            run.closeStdin();
            assertThat(run.finish(TIMEOUT).exitCode()).isZero();
            assertThat(run.stdout()).isEqualTo("hello\n");
        }
    }

    @Test
    void redirectedStderrJoinsStdout() {
        SpawnRequest request = sh("echo a; echo b >&2").redirectStderrToStdout().build();
        try (ChildRun run = ChildRun.start(spawner, request)) {
            assertThat(run.child.stderr()).isNull();
            run.finish(TIMEOUT);
            assertThat(run.stdout()).isEqualTo("a\nb\n");
        }
    }

    @Test
    void devNullAndExistingFdOutputs() {
        try (Pipe sink = Pipe.open()) {
            SpawnRequest request = sh("echo to-fd; echo lost >&2; read x || echo stdin-eof")
                    .stdinPipe(false).stdout(Output.fd(sink.writeEnd())).stderr(Output.DEV_NULL).build();
            try (ChildRun run = ChildRun.start(spawner, request)) {
                assertThat(run.child.stdin()).isNull();
                assertThat(run.child.stdout()).isNull();
                assertThat(run.finish(TIMEOUT).exitCode()).isZero();
            }
            assertThat(sink.writeEnd().isOpen()).as("caller keeps ownership").isTrue();
            byte[] buf = new byte[100];
            int n = sink.readEnd().read(buf, 0, buf.length);
            assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("to-fd\nstdin-eof\n");
        }
    }

    @Test
    void extraFdBecomesTheChildsFd3() {
        for (PosixSpawner each : new PosixSpawner[] {spawner, new PosixSpawner(false)}) {
            try (Pipe status = Pipe.open()) {
                SpawnRequest request = sh("echo started >&3; ls /proc/self/fd | tr '\\n' ' '")
                        .extraFd(status.writeEnd()).build();
                try (ChildRun run = ChildRun.start(each, request)) {
                    assertThat(run.finish(TIMEOUT).exitCode()).isZero();
                    assertThat(run.stdout()).isEqualTo("0 1 2 3 4 ");
                }
                byte[] buf = new byte[100];
                int n = status.readEnd().read(buf, 0, buf.length);
                assertThat(new String(buf, 0, n, StandardCharsets.UTF_8)).isEqualTo("started\n");
            }
        }
    }

    @Test
    void directoryUmaskAndEnvironmentReachTheChild() throws IOException {
        Path work = Files.createDirectory(dir.resolve("work"));
        SpawnRequest request = SpawnRequest.builder("sh", List.of("sh", "-c", "pwd; umask; echo $FOO; touch made"),
                env("FOO", "bar baz")).directory(work.toString()).umask(027).build();
        int umaskBefore = ThisProcess.umask();
        try (ChildRun run = ChildRun.start(spawner, request)) {
            assertThat(run.finish(TIMEOUT).exitCode()).isZero();
            assertThat(run.stdout()).isEqualTo(work.toRealPath() + "\n0027\nbar baz\n");
        }
        assertThat(ThisProcess.umask()).as("daemon umask restored").isEqualTo(umaskBefore);
        assertThat(Files.getPosixFilePermissions(work.resolve("made")).toString())
                .doesNotContain("OTHERS").doesNotContain("GROUP_WRITE");
    }

    @Test
    void environmentIsExactlyTheRequestedOne() {
        SpawnRequest request = SpawnRequest.builder("/usr/bin/env", List.of("env"), Map.of("ONLY", "this")).build();
        try (ChildRun run = ChildRun.start(spawner, request)) {
            run.finish(TIMEOUT);
            assertThat(run.stdout()).isEqualTo("ONLY=this\n");
        }
    }

    @Test
    void bareProgramIsFoundOnTheChildsPath() throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path script = Files.writeString(bin.resolve("hello-prog"), "#!/bin/sh\necho from-child-path\n");
        PosixFiles.chmod(script, 0755);
        SpawnRequest request = SpawnRequest.builder("hello-prog", List.of("hello-prog"),
                env("PATH", bin + ":/bin:/usr/bin")).build();
        try (ChildRun run = ChildRun.start(spawner, request)) {
            run.finish(TIMEOUT);
            assertThat(run.stdout()).isEqualTo("from-child-path\n");
        }
    }

    @Test
    void spawnErrorsComeBackAsErrnoValues() throws IOException {
        assertFailure(SpawnRequest.builder("/nonexistent/prog", List.of("prog"), env()).build(), Errno.ENOENT);
        assertFailure(SpawnRequest.builder("nosuchcmd_xyz", List.of("nosuchcmd_xyz"), env()).build(), Errno.ENOENT);
        assertFailure(sh("true").directory(dir.resolve("missing").toString()).build(), Errno.ENOENT);
        Path file = Files.writeString(dir.resolve("file"), "");
        assertFailure(sh("true").directory(file.toString()).build(), Errno.ENOTDIR);
        assertFailure(SpawnRequest.builder(file.toString(), List.of("file"), env()).build(), Errno.EACCES);
        assertFailure(SpawnRequest.builder(dir.toString(), List.of("dir"), env()).build(), Errno.EACCES);
    }

    private void assertFailure(SpawnRequest request, int errno) {
        SpawnResult result = spawner.spawn(request);
        assertThat(result).isEqualTo(new SpawnResult.Failed(SpawnResult.Stage.SPAWN, errno));
    }
}
