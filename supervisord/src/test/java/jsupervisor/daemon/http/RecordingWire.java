package jsupervisor.daemon.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A {@link Wire} that keeps what was written, for response tests without sockets. */
final class RecordingWire implements Wire {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    boolean watching;
    boolean gone;

    @Override
    public void write(byte[] data, int offset, int length) {
        written.write(data, offset, length);
    }

    @Override
    public void watchForClientGone() {
        watching = true;
    }

    @Override
    public boolean awaitClientGone(Duration timeout) {
        return gone;
    }

    /** Everything written so far, with the Date header's value replaced by {@code D}. */
    String text() {
        return written.toString(StandardCharsets.ISO_8859_1).replaceFirst("Date: [^\r]*", "Date: D");
    }
}
