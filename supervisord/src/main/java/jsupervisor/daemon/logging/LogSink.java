package jsupervisor.daemon.logging;

import java.nio.ByteBuffer;

/**
 * A destination for log bytes: a rotating file, the daemon's stdout, or syslog.
 *
 * <p>Loop-confined: every method is called from the supervisor loop thread only, so implementations hold no
 * locks. Implementations never throw for I/O problems: they report them through a {@link SinkListener} (once
 * per episode) and carry on, because a log that cannot be written must never stop the daemon. This mirrors
 * the role of a handler in {@code supervisor/loggers.py}, whose {@code emit} swallows errors in
 * {@code handleError()}.
 */
public interface LogSink extends AutoCloseable {

    /** Writes {@code len} bytes of {@code data} from {@code offset}; the caller may reuse the array afterwards. */
    void write(byte[] data, int offset, int len);

    /**
     * Writes the bytes between {@code data}'s position and limit, typically a direct buffer the pipe was read
     * into; the caller may reuse it afterwards, and its position may have moved. Sinks that can hand a direct
     * buffer to the kernel as it is override this; the others take a copy.
     */
    default void write(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        write(copy, 0, copy.length);
    }

    /** Writes the whole array. */
    default void write(byte[] data) {
        write(data, 0, data.length);
    }

    /**
     * Closes and reopens the destination (SIGUSR2, {@code clearLog}); a no-op for streams that cannot be
     * reopened, as {@code StreamHandler.reopen} and {@code SyslogHandler.reopen} are.
     */
    void reopen();

    /** Releases the destination; later writes are dropped. Never closes the daemon's own stdout or stderr. */
    @Override
    void close();
}
