package jsupervisor.daemon.http;

import java.time.Duration;
import java.util.Objects;

/**
 * The caps and timeouts that keep one hostile or broken client from costing more than its own connection.
 * Immutable; shared read-only by every connection thread.
 *
 * <p>Medusa has none of these (its only limit is a 30-minute "zombie" sweep), so the defaults are chosen to
 * be invisible to well-behaved clients: {@code idleTimeout} keeps medusa's 30 minutes because Supervisor's
 * own {@code SupervisorTransport} keeps one connection open and does not retry when the server has closed
 * it. A client that connects and sends nothing, or trickles its headers, is cut off after
 * {@code headerTimeout}.
 *
 * @param maxHeaderBytes  request line plus headers; more is answered {@code 431} and the connection closed
 * @param maxBodyBytes    a larger {@code Content-Length} is answered {@code 413} before any body is read
 * @param maxConnections  connections served at once per {@link HttpServer}; the excess get {@code 503}
 * @param headerTimeout   from connect (or from the first byte of a keep-alive request) to the end of headers
 * @param bodyTimeout     to read a whole request body
 * @param idleTimeout     between two requests on a kept-alive connection
 * @param writeTimeout    for any single blocking write (a client that stops reading is cut off)
 */
public record HttpLimits(int maxHeaderBytes, long maxBodyBytes, int maxConnections, Duration headerTimeout,
                         Duration bodyTimeout, Duration idleTimeout, Duration writeTimeout) {

    /** 64 KiB headers, 2 MiB bodies, 256 connections, 30 s headers, 60 s body, 30 min idle, 60 s write. */
    public static final HttpLimits DEFAULTS = new HttpLimits(64 * 1024, 2L * 1024 * 1024, 256,
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(30), Duration.ofSeconds(60));

    public HttpLimits {
        if (maxHeaderBytes < 256) {
            throw new IllegalArgumentException("maxHeaderBytes: expected at least 256 but got " + maxHeaderBytes);
        }
        if (maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            // a body is read into one array
            throw new IllegalArgumentException("maxBodyBytes: expected 0 to 2 GiB but got " + maxBodyBytes);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections: expected >= 1 but got " + maxConnections);
        }
        requirePositive("headerTimeout", headerTimeout);
        requirePositive("bodyTimeout", bodyTimeout);
        requirePositive("idleTimeout", idleTimeout);
        requirePositive("writeTimeout", writeTimeout);
    }

    public HttpLimits withMaxHeaderBytes(int value) {
        return new HttpLimits(value, maxBodyBytes, maxConnections, headerTimeout, bodyTimeout, idleTimeout,
                writeTimeout);
    }

    public HttpLimits withMaxBodyBytes(long value) {
        return new HttpLimits(maxHeaderBytes, value, maxConnections, headerTimeout, bodyTimeout, idleTimeout,
                writeTimeout);
    }

    public HttpLimits withMaxConnections(int value) {
        return new HttpLimits(maxHeaderBytes, maxBodyBytes, value, headerTimeout, bodyTimeout, idleTimeout,
                writeTimeout);
    }

    /** Sets all four timeouts at once: what tests need to see a slow client cut off quickly. */
    public HttpLimits withTimeouts(Duration header, Duration body, Duration idle, Duration write) {
        return new HttpLimits(maxHeaderBytes, maxBodyBytes, maxConnections, header, body, idle, write);
    }

    /** The smallest timeout: the watchdog must look at least a few times within it. */
    Duration shortestTimeout() {
        Duration min = headerTimeout;
        for (Duration d : new Duration[] {bodyTimeout, idleTimeout, writeTimeout}) {
            if (d.compareTo(min) < 0) {
                min = d;
            }
        }
        return min;
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": expected a positive duration but got " + value);
        }
    }
}
