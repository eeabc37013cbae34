package jsupervisor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs our supervisord in the foreground ({@code -n}) on a config in a temp dir, and ends it and every process
 * it spawned, by pid, when closed. Tests wait on its main log with deadlines, never on sleeps.
 */
public final class DaemonHarness implements AutoCloseable {
    private static final Pattern SPAWNED = Pattern.compile("spawned: '([^']+)' with pid (\\d+)");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final Path log;
    private final Process process;

    private DaemonHarness(Path dir, Path log, Process process) {
        this.dir = dir;
        this.log = log;
        this.process = process;
    }

    /**
     * Writes {@code [supervisord]} (logfile, pidfile and childlogdir in {@code dir}) followed by {@code body}, and
     * starts {@code bin/supervisord -n -c dir/supervisord.conf}.
     */
    public static DaemonHarness start(Path dir, String body) throws IOException {
        return start(dir, body, java.util.Map.of());
    }

    /** As {@link #start(Path, String)}, with {@code environment} added to (or replacing in) the daemon's. */
    public static DaemonHarness start(Path dir, String body, java.util.Map<String, String> environment)
            throws IOException {
        return start(dir, body, environment, java.util.List.of());
    }

    /**
     * As {@link #start(Path, String, java.util.Map)}, run through {@code wrapper} (a command that sets something up
     * and then execs the rest of its arguments, such as {@code prlimit --nofile=N: --}), so the pid stays the daemon's.
     */
    public static DaemonHarness start(Path dir, String body, java.util.Map<String, String> environment,
                                      java.util.List<String> wrapper) throws IOException {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir + "/supervisord.log\npidfile=" + dir
                + "/supervisord.pid\nchildlogdir=" + dir + "\n" + body);
        java.util.List<String> command = new java.util.ArrayList<>(wrapper);
        command.addAll(java.util.List.of(Launchers.bin("supervisord").toString(), "-n", "-c", conf.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(environment);
        return new DaemonHarness(dir, dir.resolve("supervisord.log"), pb.start());
    }

    public Path dir() {
        return dir;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** The main log so far ("" before it exists). */
    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the main log contains {@code text}. */
    public void awaitLog(String text, Duration timeout) {
        try {
            Await.until("'" + text + "' in the main log of " + dir, timeout, () -> log().contains(text));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n(log so far:\n" + tail() + ")", e);
        }
    }

    /** Waits until {@code regex} has matched {@code count} times in the main log. */
    public void awaitCount(String regex, int count, Duration timeout) {
        Pattern p = Pattern.compile(regex);
        Await.until(count + " x /" + regex + "/ in the main log", timeout, () -> count(p) >= count);
    }

    public int count(Pattern p) {
        Matcher m = p.matcher(log());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Every child pid the log says was spawned. */
    public List<Long> spawnedPids() {
        List<Long> pids = new ArrayList<>();
        Matcher m = SPAWNED.matcher(log());
        while (m.find()) {
            pids.add(Long.parseLong(m.group(2)));
        }
        return pids;
    }

    /** The pid of the latest spawn of {@code name}. */
    public long pidOf(String name) {
        Matcher m = SPAWNED.matcher(log());
        long pid = -1;
        while (m.find()) {
            if (m.group(1).equals(name)) {
                pid = Long.parseLong(m.group(2));
            }
        }
        return pid;
    }

    /** Sends a signal to the daemon by its pid. */
    public void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
    }

    /** Waits for the daemon to exit by itself; returns its status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("supervisord did not exit within " + timeout + "; log:\n" + tail());
        }
        return process.exitValue();
    }

    private String tail() {
        String l = log();
        return l.length() > 4000 ? l.substring(l.length() - 4000) : l;
    }

    /** Stops the daemon (TERM, then KILL) and kills any child it left, by pid. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        for (long pid : spawnedPids()) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
    }

    /** True if no process the daemon spawned is still alive. */
    public boolean noChildLeft() {
        return spawnedPids().stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive)
                .orElse(false));
    }
}
