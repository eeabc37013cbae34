package jsupervisor.daemon.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A sink writing to a stream the daemon does not own, in practice its own stdout when it runs with
 * {@code nodaemon} and not {@code silent}: Supervisor's {@code loggers.handle_stdout}.
 *
 * <p>Loop-confined: no locks. Every write goes straight to the stream and is flushed, one line per write
 * syscall, as Python's {@code StreamHandler.emit} flushes each record. {@link #reopen()} does nothing and
 * {@link #close()} only flushes, because closing the daemon's fd 1 would be wrong ({@code Handler.close} never
 * closes fds below 3). A failing write (a closed pipe) is reported once; the bytes are dropped, since nobody
 * may ever read that stream again.
 */
public final class StreamSink implements LogSink {

    private final String name;
    private final OutputStream out;
    private final SinkListener listener;
    private boolean failing;
    private long droppedBytes;

    /** A sink for {@code out}, reported to {@code listener} under {@code name}. */
    public StreamSink(String name, OutputStream out, SinkListener listener) {
        this.name = name;
        this.out = out;
        this.listener = listener;
    }

    /** The daemon's own stdout, unbuffered (not {@code System.out}, whose PrintStream hides errors). */
    public static StreamSink stdout(SinkListener listener) {
        return new StreamSink("stdout", new FileOutputStream(FileDescriptor.out), listener);
    }

    @Override
    public void write(byte[] data, int offset, int len) {
        try {
            out.write(data, offset, len);
            out.flush();
        } catch (IOException e) {
            droppedBytes += len;
            if (!failing) {
                failing = true;
                listener.failed(name, "write", e);
            }
            return;
        }
        if (failing) {
            failing = false;
            long dropped = droppedBytes;
            droppedBytes = 0;
            listener.recovered(name, dropped);
        }
    }

    @Override
    public void reopen() {
        // StreamHandler.reopen is a no-op too: there is no path to reopen.
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException ignored) {
            // EPIPE at exit is expected when our output is piped (loggers.py Handler.flush ignores it too).
        }
    }
}
