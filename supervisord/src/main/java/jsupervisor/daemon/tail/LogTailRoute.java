package jsupervisor.daemon.tail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import jsupervisor.daemon.http.HttpRequest;
import jsupervisor.daemon.http.HttpResponse;
import jsupervisor.daemon.http.HttpStatus;
import jsupervisor.daemon.http.ResponseStream;
import jsupervisor.daemon.http.Route;

/**
 * {@code /logtail/<namespec>[/stdout|stderr]} and {@code /mainlogtail}: an endless chunked {@code tail -f} of a
 * process log or of the main log (REFERENCE.md §7.3). The path of the log comes from a lookup the daemon
 * supplies (it asks the loop); the following itself happens on the connection's thread, polling about every
 * 0.1 s like Supervisor, and ends when the client goes away.
 *
 * <p>One addition: {@code ?offset=<n>} starts at byte {@code n} instead of the last 1024 bytes, so the web UI's
 * tail page continues exactly where its text ends. Without it (as every Supervisor client asks) nothing
 * changes.
 */
public final class LogTailRoute implements Route {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final String LOGTAIL = "/logtail";
    private static final String MAINLOGTAIL = "/mainlogtail";

    /** What a {@code /logtail} path names: a process (namespec) and a channel. */
    public record Target(String namespec, String channel) {}

    private final Function<Target, Optional<Path>> processLogs;
    private final java.util.function.Supplier<Optional<Path>> mainLog;

    /**
     * @param processLogs the log file of a process channel, empty for an unknown process, an unknown channel
     *                    or a log that is not set
     * @param mainLog     the main log file, empty if there is none
     */
    public LogTailRoute(Function<Target, Optional<Path>> processLogs,
                        java.util.function.Supplier<Optional<Path>> mainLog) {
        this.processLogs = processLogs;
        this.mainLog = mainLog;
    }

    @Override
    public boolean matches(HttpRequest request) {
        return request.path().startsWith(LOGTAIL) || request.path().startsWith(MAINLOGTAIL);
    }

    @Override
    public void handle(HttpRequest request, HttpResponse response) throws IOException {
        if (!request.method().equals("GET")) {
            response.sendError(400);
            return;
        }
        boolean main = request.path().startsWith(MAINLOGTAIL);
        Optional<Path> path;
        if (main) {
            path = mainLog.get();
        } else {
            String rest = request.path().substring(LOGTAIL.length());
            while (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
            if (rest.isEmpty()) {
                response.sendError(500); // Supervisor fails on a bare /logtail
                return;
            }
            int slash = rest.indexOf('/');
            String namespec = slash < 0 ? rest : rest.substring(0, slash);
            String channel = slash < 0 ? "stdout" : rest.substring(slash + 1);
            path = processLogs.apply(new Target(namespec, channel));
        }
        if (path.isEmpty() || !Files.exists(path.get())) {
            response.sendError(404);
            return;
        }
        follow(path.get(), !main, offset(request.query()), response);
    }

    /** The {@code offset} query parameter when it is plain digits, else -1 (Supervisor's last 1024 bytes). */
    static long offset(String query) {
        if (query == null) {
            return -1;
        }
        for (String piece : query.split("&")) {
            if (piece.startsWith("offset=")) {
                String digits = piece.substring("offset=".length());
                if (!digits.isEmpty() && digits.length() <= 18 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    return Long.parseLong(digits);
                }
            }
        }
        return -1;
    }

    private static void follow(Path path, boolean noBuffering, long offset, HttpResponse response)
            throws IOException {
        try (FileFollower follower = new FileFollower(path)) {
            if (offset < 0) {
                follower.open();
            } else {
                follower.openAt(offset);
            }
            response.header("Last-Modified", HttpStatus.date(Instant.ofEpochMilli(
                    Files.getLastModifiedTime(path).toMillis())));
            if (noBuffering) {
                response.header("X-Accel-Buffering", "no");
            }
            ResponseStream out = response.stream(200, "text/plain;charset=utf-8");
            while (!out.clientGone()) {
                if (follower.poll(out) > 0) {
                    out.flush();
                }
                if (out.awaitClientGone(POLL)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
