package jsupervisor.daemon.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jsupervisor.daemon.http.HttpRequest;
import jsupervisor.daemon.http.HttpResponse;
import jsupervisor.daemon.http.HttpStatus;
import jsupervisor.daemon.http.Route;

/**
 * The stylesheet, scripts and icon the pages use, bundled in the jar (no CDN, no build step) and served the way
 * Supervisor's default handler serves its {@code ui/} files (REFERENCE.md §7.1 item 5): GET and HEAD only (any
 * other method is a 400), a {@code Content-Type} by extension, {@code Last-Modified} and {@code Content-Length},
 * and 304 for a matching {@code If-Modified-Since}. Only the fixed table below is served, so no request path
 * ever reaches the file system. Read from the jar at the first request for one (not in the daemon's start-up,
 * where opening the jar cost some 4 ms), then kept; immutable and thread-safe.
 */
public final class StaticAssets implements Route {
    /** URL path → resource next to this class, and its type. */
    private static final Map<String, String[]> TABLE = Map.of(
            "/stylesheets/supervisor.css", new String[] {"supervisor.css", "text/css"},
            "/scripts/status.js", new String[] {"status.js", "text/javascript"},
            "/scripts/tail.js", new String[] {"tail.js", "text/javascript"},
            "/images/icon.svg", new String[] {"icon.svg", "image/svg+xml"});

    private final Instant lastModified;

    /** The bodies, read when this class is first initialised, which the JVM does once and thread-safely. */
    private static final class Bodies {
        static final Map<String, byte[]> BY_PATH = Map.copyOf(TABLE.entrySet().stream().collect(
                java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> load(e.getValue()[0]))));
    }

    /**
     * @param lastModified when the assets count as modified: the daemon's start, so an upgraded jar is fetched
     *                     again after a restart and never older than what a browser cached
     */
    public StaticAssets(Instant lastModified) {
        this.lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
    }

    private static byte[] load(String resource) {
        try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean matches(HttpRequest request) {
        return TABLE.containsKey(normalise(request.path()));
    }

    @Override
    public void handle(HttpRequest request, HttpResponse response) throws IOException {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            response.sendError(400);
            return;
        }
        String path = normalise(request.path());
        response.header("Last-Modified", HttpStatus.date(lastModified))
                .header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff");
        if (notModifiedSince(request.header("If-Modified-Since"))) {
            response.send(304, null, new byte[0]);
            return;
        }
        response.send(200, TABLE.get(path)[1], Bodies.BY_PATH.get(path));
    }

    /** Medusa collapses repeated slashes before looking a file up. */
    private static String normalise(String path) {
        return path.replaceAll("/{2,}", "/");
    }

    private boolean notModifiedSince(String header) {
        if (header == null) {
            return false;
        }
        try {
            // browsers may add "; length=..." (an old Netscape habit medusa also strips)
            String date = header.split(";", 2)[0].strip();
            Instant since = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
