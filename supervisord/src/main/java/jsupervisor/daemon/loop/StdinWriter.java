package jsupervisor.daemon.loop;

import java.util.Arrays;

import jsupervisor.daemon.posix.Epoll;
import jsupervisor.daemon.posix.Fd;

/**
 * Writes to children's stdin pipes without ever blocking the loop: what the pipe does not take at once waits in
 * the child's buffer and goes out when epoll reports the pipe writable (Supervisor's
 * {@code PInputDispatcher}). EPIPE drops the buffer and closes our end (REFERENCE §4.5). Loop-confined.
 */
final class StdinWriter {
    private static final byte[] NONE = new byte[0];

    private final Epoll epoll;
    private final int writableKind;

    /** @param writableKind the token kind under which a pending stdin is registered for EPOLLOUT */
    StdinWriter(Epoll epoll, int writableKind) {
        this.epoll = epoll;
        this.writableKind = writableKind;
    }

    /** Appends {@code data} to the child's stdin buffer and writes what the pipe takes now. */
    StdinWrite write(ChildIo child, byte[] data) {
        if (child.stdin == null || !child.stdin.isOpen()) {
            return StdinWrite.BROKEN_PIPE; // "Process' stdin channel is closed"
        }
        byte[] pending = child.stdinPending;
        byte[] joined = Arrays.copyOf(pending, pending.length + data.length);
        System.arraycopy(data, 0, joined, pending.length, data.length);
        child.stdinPending = joined;
        return flush(child);
    }

    /** Writes as much of the buffer as the pipe takes; called again when the pipe becomes writable. */
    StdinWrite flush(ChildIo child) {
        Fd fd = child.stdin;
        byte[] buf = child.stdinPending;
        int off = 0;
        while (off < buf.length) {
            int n = fd.write(buf, off, buf.length - off);
            if (n == Fd.BROKEN_PIPE) {
                child.stdinPending = NONE;
                unwatch(child);
                fd.close();
                return StdinWrite.BROKEN_PIPE;
            }
            if (n == Fd.WOULD_BLOCK) {
                break;
            }
            off += n;
        }
        child.stdinPending = off == buf.length ? NONE : Arrays.copyOfRange(buf, off, buf.length);
        if (child.stdinPending.length > 0 && !child.stdinWatched) {
            epoll.add(fd, Epoll.OUT, ((long) child.pid << 2) | writableKind);
            child.stdinWatched = true;
        } else if (child.stdinPending.length == 0) {
            unwatch(child);
        }
        return StdinWrite.QUEUED;
    }

    /** Stops watching a child's stdin (before it is closed). */
    void unwatch(ChildIo child) {
        if (child.stdinWatched && child.stdin.isOpen()) {
            epoll.delete(child.stdin);
        }
        child.stdinWatched = false;
    }
}
