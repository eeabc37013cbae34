package jsupervisor.common.xmlrpc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script on the machine's real {@code /usr/bin/python3}, the interpreter Supervisor runs on,
 * so tests can ask Python's own {@code xmlrpc.client} what it makes of our bytes. A test that needs
 * it is skipped (an assumption, not a failure) where that interpreter does not exist.
 */
public final class Python3 {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private Python3() {}

    /** Like {@link #run}, but skips the test unless Supervisor's own package can be imported. */
    public static byte[] runWithSupervisor(String script, byte[] stdin) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + " on this machine");
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import supervisor.xmlrpc")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assumeTrue(probe.waitFor() == 0, "Supervisor's Python package is not installed");
        return run(script, stdin);
    }

    /** Runs {@code script} with {@code stdin}; returns stdout, or fails the test with stderr. */
    public static byte[] run(String script, byte[] stdin) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON + " on this machine");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).start();
        CompletableFuture<byte[]> out = drain(p.getInputStream());
        CompletableFuture<byte[]> err = drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            in.write(stdin);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python3 did not finish within 60 s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("python3 exited " + p.exitValue() + ":\n" + new String(err.join()));
        }
        return out.join();
    }

    private static CompletableFuture<byte[]> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
