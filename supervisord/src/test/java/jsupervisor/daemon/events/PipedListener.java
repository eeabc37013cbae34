package jsupervisor.daemon.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jsupervisor.daemon.process.ProcessState;

/**
 * A real listener process behind {@link ListenerHandle}: the test plays the loop, writing envelopes to the
 * child's stdin and taking its stdout reads from a queue filled by one named reader thread per spawn (the only
 * thread here; the pool itself is touched by the test thread alone). Restartable: the same handle wraps each
 * new process, as a pool's handle outlives its process's spawns. Every process is ended by its pid.
 */
final class PipedListener implements ListenerHandle {
    /** One stdout read, or EOF when {@code data} is empty. */
    record Chunk(byte[] data) {
        boolean eof() {
            return data.length == 0;
        }
    }

    private final String name;
    private final List<String> command;
    private final Path stderrFile;
    private final List<Long> pids = new ArrayList<>();
    final List<String> written = new ArrayList<>();
    private Process process;
    private BlockingQueue<Chunk> reads;
    private ProcessState state = ProcessState.STOPPED;

    PipedListener(String name, List<String> command, Path stderrFile) {
        this.name = name;
        this.command = List.copyOf(command);
        this.stderrFile = stderrFile;
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(
                stderrFile.toFile()));
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        process = builder.start();
        pids.add(process.pid());
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        reads = queue;
        InputStream stdout = process.getInputStream();
        Thread reader = new Thread(() -> pump(stdout, queue), "listener-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        state = ProcessState.RUNNING; // the test skips startsecs: RUNNING at once
    }

    private static void pump(InputStream in, BlockingQueue<Chunk> queue) {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                queue.add(new Chunk(Arrays.copyOf(buf, n)));
            }
        } catch (IOException e) {
            // the pipe broke: the same as EOF for the test
        }
        queue.add(new Chunk(new byte[0]));
    }

    /** The next stdout read, waiting at most {@code timeout}; fails the test rather than hang. */
    Chunk next(Duration timeout) throws InterruptedException {
        Chunk c = reads.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (c == null) {
            throw new AssertionError("no output from listener " + name + " within " + timeout);
        }
        return c;
    }

    /** After EOF: waits (bounded) for the process to exit and marks it EXITED; returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("listener " + name + " did not exit within " + timeout);
        }
        state = ProcessState.EXITED;
        return process.exitValue();
    }

    /** Ends every process this handle started, by pid, and waits for each (bounded). */
    void destroyAll() throws InterruptedException {
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroyForcibly();
                h.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> h).join();
            });
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessState processState() {
        return state;
    }

    @Override
    public WriteResult write(byte[] envelope) {
        if (process == null || !process.isAlive()) {
            return WriteResult.EPIPE;
        }
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write(envelope);
            stdin.flush();
        } catch (IOException e) {
            return WriteResult.EPIPE; // "Broken pipe"
        }
        written.add(new String(envelope, StandardCharsets.UTF_8));
        return WriteResult.WRITTEN;
    }
}
