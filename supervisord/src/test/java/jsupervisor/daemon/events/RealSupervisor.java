package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script against the installed Supervisor 4.2.5 ({@code /usr/bin/python3}), feeding it lines on
 * stdin and returning its stdout lines, so a parity test can compare our port with the original. Tests are
 * skipped, not failed, where python3 or the supervisor package is missing. The process is ended by its pid and
 * every wait is bounded.
 */
final class RealSupervisor {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private RealSupervisor() {
    }

    static void assumeInstalled() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c",
                "import supervisor.childutils, supervisor.tests.base")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "no supervisor package");
        } finally {
            ProcessHandle.of(check.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    static List<String> run(Path dir, String script, List<String> input) throws IOException, InterruptedException {
        Path file = Files.createTempFile(dir, "parity", ".py");
        Files.writeString(file, script);
        Path in = Files.createTempFile(dir, "parity", ".in");
        Files.write(in, input);
        Path out = Files.createTempFile(dir, "parity", ".out");
        Path err = Files.createTempFile(dir, "parity", ".err");
        Process python = new ProcessBuilder(PYTHON.toString(), file.toString()).redirectInput(in.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("python finished").isTrue();
        } finally {
            ProcessHandle.of(python.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        assertThat(python.exitValue()).as("python failed: %s", Files.readString(err)).isZero();
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
