package jsupervisor.daemon.logging;

import java.io.IOException;

/**
 * Receives the problems of a {@link LogSink}, so the daemon can log each one once instead of once per write.
 *
 * <p>Called on the loop thread, from inside a sink method, after the sink's own state is consistent: an
 * implementation may log to the main log (even through the same sink) but must not block. A sink calls
 * {@link #failed} once when writing starts to fail and {@link #recovered} once when it works again; there is
 * no call for each failing write.
 */
public interface SinkListener {

    /** Ignores every report; for sinks whose failures nobody can act on. */
    SinkListener IGNORE = new SinkListener() {
        @Override
        public void failed(String sink, String action, IOException cause) {
        }

        @Override
        public void recovered(String sink, long droppedBytes) {
        }
    };

    /**
     * The sink named {@code sink} (its path) could not perform {@code action} (e.g. {@code write},
     * {@code open}, {@code rotate}); further failures are silent until it recovers.
     */
    void failed(String sink, String action, IOException cause);

    /**
     * The sink works again; {@code droppedBytes} bytes were lost while it failed because they exceeded the
     * buffer cap (0 when nothing was lost).
     */
    void recovered(String sink, long droppedBytes);
}
