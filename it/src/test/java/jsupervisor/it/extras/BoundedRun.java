package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one short-lived command to completion with a deadline and captures what it wrote.
 *
 * <p>Output goes to files in the caller's temp dir rather than pipes, so a chatty command can never
 * block on a full pipe. On timeout the process and all its descendants are killed by pid before the
 * test fails, so nothing outlives the test.
 */
record BoundedRun(int exitCode, byte[] stdout, String stderr) {

    String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    static BoundedRun run(Path workDir, Duration limit, List<String> command) {
        try {
            Path out = Files.createTempFile(workDir, "stdout", ".txt");
            Path err = Files.createTempFile(workDir, "stderr", ".txt");
            Process process = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process.toHandle());
                fail("%s did not finish within %d ms; stderr: %s",
                        command, limit.toMillis(), Files.readString(err));
            }
            return new BoundedRun(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }

    /** Kills a process and every descendant it still has, each by its own pid. */
    static void killTree(ProcessHandle root) {
        root.descendants().forEach(ProcessHandle::destroyForcibly);
        root.destroyForcibly();
    }
}
