package jsupervisor.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs small driver scripts against the installed Supervisor (/usr/bin/python3 with the {@code supervisor}
 * package) so tests can compare our output with the original's. Tests calling {@link #assumeAvailable()} are
 * skipped, not failed, on machines without it.
 */
final class SupervisorPython {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private SupervisorPython() {
    }

    static void assumeAvailable() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3");
        Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import supervisor.loggers, supervisor.dispatchers")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "no supervisor package");
    }

    /** Runs {@code script} with {@code args}, feeding {@code input} as stdin lines; returns stdout lines. */
    static List<String> run(Path workDir, String script, List<String> args, List<String> input)
            throws IOException, InterruptedException {
        return run(workDir, script, args, input, Map.of());
    }

    /** As {@link #run(Path, String, List, List)}, with extra environment variables (e.g. {@code TZ}). */
    static List<String> run(Path workDir, String script, List<String> args, List<String> input,
                            Map<String, String> environment) throws IOException, InterruptedException {
        Path file = Files.createTempFile(workDir, "driver", ".py");
        Files.writeString(file, script);
        Path in = Files.createTempFile(workDir, "driver", ".in");
        Files.write(in, input);
        Path out = Files.createTempFile(workDir, "driver", ".out");
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), file.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(in.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        builder.environment().putAll(environment);
        Process python = builder.start();
        assertThat(python.waitFor(60, TimeUnit.SECONDS)).as("driver finished").isTrue();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as("driver failed: %s", lines).isZero();
        return lines;
    }
}
