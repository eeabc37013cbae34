package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's example (examples/supervisord.conf) loads in the reference Supervisor with the processes
 * it promises and really runs under the reference supervisord; it keeps its runtime files inside the
 * tree, and its programs are executable POSIX sh.
 */
class ExampleConfigIT {
    @TempDir
    Path tmp;

    private static final Path SUPERVISORD = Path.of("/usr/bin/supervisord");
    private static final Path SUPERVISORCTL = Path.of("/usr/bin/supervisorctl");

    private final Path examples = Checkout.root().resolve("examples");

    @Test
    void loadsInTheReferenceSupervisorWithTheProcessesTheReadmeDescribes() {
        ReferenceSupervisor.assumeInstalled();

        List<String> processes = ReferenceSupervisor.load(examples.resolve("supervisord.conf"), tmp);

        assertThat(processes).containsExactlyInAnyOrder(
                "clock:tick", "clock:tock", "hello:hello", "worker:worker_0", "worker:worker_1");
    }

    @Test
    void runsUnderTheReferenceSupervisordAndAnswersItsSupervisorctl() throws Exception {
        ReferenceSupervisor.assumeInstalled();
        assumeTrue(Files.isRegularFile(SUPERVISORD) && Files.isRegularFile(SUPERVISORCTL), "reference programs");
        Path conf = copyOfExamples();
        Process daemon = new ProcessBuilder(ReferenceSupervisor.PYTHON.toString(), SUPERVISORD.toString(),
                "-n", "-c", conf.toString())
                .directory(tmp.toFile())
                .redirectOutput(tmp.resolve("supervisord.out").toFile())
                .redirectErrorStream(true)
                .start();
        try {
            List<String> ctl = List.of(ReferenceSupervisor.PYTHON.toString(), SUPERVISORCTL.toString(),
                    "-c", conf.toString(), "status");
            // supervisorctl status exits 0 only once every process is RUNNING (LSB status).
            Await.until("all five example processes RUNNING", Duration.ofSeconds(20),
                    () -> BoundedRun.run(tmp, Duration.ofSeconds(10), ctl).exitCode() == 0);
            String status = BoundedRun.run(tmp, Duration.ofSeconds(10), ctl).stdoutText();
            assertThat(status.lines().map(line -> line.split("\\s+")[0]))
                    .containsExactly("clock:tick", "clock:tock", "hello", "worker:worker_0", "worker:worker_1");

            daemon.destroy(); // SIGTERM: supervisord stops its children and exits
            assertThat(daemon.waitFor(20, TimeUnit.SECONDS)).as("supervisord exited after TERM").isTrue();
            assertThat(Files.readString(tmp.resolve("examples/run/supervisord.log")))
                    .contains("spawned: 'hello'", "spawned: 'worker_1'", "stopped: hello");
        } finally {
            BoundedRun.killTree(daemon.toHandle());
        }
    }

    @Test
    void keepsSocketLogsAndPidfileUnderTheIgnoredRunDirectory() throws IOException {
        String conf = Files.readString(examples.resolve("supervisord.conf"));

        assertThat(conf).contains("file=%(here)s/run/supervisor.sock", "serverurl=unix://%(here)s/run/supervisor.sock",
                "logfile=%(here)s/run/supervisord.log", "pidfile=%(here)s/run/supervisord.pid",
                "childlogdir=%(here)s/run");
        assertThat(conf).doesNotContain("/tmp/");
        assertThat(Files.readAllLines(examples.resolve("run/.gitignore"))).contains("*", "!.gitignore");
    }

    @Test
    void protectsTheTcpServerWithLoopbackAndAPassword() throws IOException {
        String conf = Files.readString(examples.resolve("supervisord.conf"));

        assertThat(conf).contains("[inet_http_server]", "port=127.0.0.1:9001", "username=", "password=");
    }

    @Test
    void programsAreExecutableShellScriptsThatParse() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(examples.resolve("programs"))) {
            scripts = files.filter(p -> p.toString().endsWith(".sh")).sorted().toList();
        }
        assertThat(scripts).extracting(p -> p.getFileName().toString())
                .containsExactly("hello.sh", "ticker.sh", "worker.sh");

        for (Path script : scripts) {
            assertThat(Files.isExecutable(script)).as("%s is executable", script).isTrue();
            assertThat(Files.readAllLines(script).getFirst()).isEqualTo("#!/bin/sh");
            BoundedRun syntax =
                    BoundedRun.run(tmp, Duration.ofSeconds(10), List.of("/bin/sh", "-n", script.toString()));
            assertThat(syntax.exitCode()).as("sh -n %s: %s", script, syntax.stderr()).isZero();
        }
    }

    /**
     * Copies the example into the temp dir (so that its run/ directory there gets the logs and the
     * socket) and moves the TCP server to a free port, so that the test cannot collide with anything
     * already listening on 9001.
     */
    private Path copyOfExamples() throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("examples"));
        Files.createDirectories(copy.resolve("run"));
        Files.createDirectories(copy.resolve("programs"));
        try (Stream<Path> scripts = Files.list(examples.resolve("programs"))) {
            for (Path script : scripts.toList()) {
                Files.copy(script, copy.resolve("programs").resolve(script.getFileName()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        String conf = Files.readString(examples.resolve("supervisord.conf"));
        assertThat(conf).contains("port=127.0.0.1:9001");
        Path target = copy.resolve("supervisord.conf");
        Files.writeString(target, conf.replace("port=127.0.0.1:9001", "port=127.0.0.1:" + port));
        return target;
    }
}
