package jsupervisor.daemon.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One event as written to a listener's stdin: the header line
 * {@code ver:3.0 server:<identifier> serial:<serial> pool:<pool> poolserial:<poolserial> eventname:<NAME> len:<L>\n}
 * followed by the payload, with no terminator (mirrors {@code supervisor/process.py
 * EventListenerPool._eventEnvelope}). Immutable.
 *
 * <p>Quirk kept on purpose: {@code L} is {@code len(payload)} of a Python {@code str}, i.e. the number of Unicode
 * code points, while the bytes sent are UTF-8; a non-ASCII payload is under-counted ({@code type:té\ndéta} goes
 * out with {@code len:12} for 14 bytes). Listeners built on {@code childutils} read the payload in text mode, so
 * they count characters too.
 */
public record Envelope(String identifier, int serial, String pool, int poolSerial, EventType eventType,
                       String payload) {

    public Envelope {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
    }

    /** The envelope of {@code posted} as dispatched by pool {@code pool}, which must have given it a poolserial. */
    public static Envelope of(String identifier, PostedEvent posted, String pool) {
        int poolSerial = posted.poolSerial(pool).orElseThrow(
                () -> new IllegalStateException("event " + posted.serial() + " was never accepted by pool " + pool));
        Event event = posted.event();
        return new Envelope(identifier, posted.serial(), pool, poolSerial, event.type(), event.payload());
    }

    /** The payload length as announced: code points, not bytes. */
    public int announcedLength() {
        return payload.codePointCount(0, payload.length());
    }

    /** The header line and the payload, as text. */
    public String text() {
        return "ver:3.0 server:" + identifier + " serial:" + serial + " pool:" + pool + " poolserial:" + poolSerial
                + " eventname:" + eventType.wireName() + " len:" + announcedLength() + "\n" + payload;
    }

    /** The bytes written to the listener's stdin ({@code as_bytes(envelope)}: UTF-8). */
    public byte[] bytes() {
        return text().getBytes(StandardCharsets.UTF_8);
    }
}
