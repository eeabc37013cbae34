package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Both ends of a pipe created with {@code pipe2(O_CLOEXEC | O_NONBLOCK)}, or, for a child's stdio, with only
 * the daemon's end non-blocking.
 *
 * <p>Not thread-safe; owned like its two {@link Fd}s. Both ends are close-on-exec so that no child inherits
 * them by accident. O_NONBLOCK belongs to the open file description, which dup2() shares: the child's end of a
 * stdio pipe must stay blocking, or a fast writer such as {@code seq} fails with EAGAIN when the pipe is full
 * (Supervisor, too, makes only the parent's ends non-blocking). The spawner dup2()s the child's end onto
 * 0/1/2 (which clears close-on-exec on the copy) and closes its own copy of that end after the spawn.
 */
public record Pipe(Fd readEnd, Fd writeEnd) implements AutoCloseable {

    /**
     * Opens a pipe.
     *
     * @throws PosixException with the errno (EMFILE, ENFILE) when the kernel refuses
     */
    public static Pipe open() {
        return open(Libc.O_CLOEXEC | Libc.O_NONBLOCK);
    }

    /** A pipe whose read end only is non-blocking: a child writes into it, the daemon reads. */
    static Pipe fromChild() {
        Pipe p = open(Libc.O_CLOEXEC);
        p.readEnd().setNonBlocking();
        return p;
    }

    /** A pipe whose write end only is non-blocking: the daemon writes into it, a child reads. */
    static Pipe toChild() {
        Pipe p = open(Libc.O_CLOEXEC);
        p.writeEnd().setNonBlocking();
        return p;
    }

    private static Pipe open(int flags) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(8, 4); // int[2]; a sequence layout per pipe costs more
            if (Libc.pipe2(fds, flags) < 0) {
                throw new PosixException("pipe2", Ffm.errno(), (flags & Libc.O_NONBLOCK) != 0
                        ? "O_CLOEXEC|O_NONBLOCK" : "O_CLOEXEC");
            }
            return new Pipe(Fd.adopt(fds.getAtIndex(ValueLayout.JAVA_INT, 0)),
                    Fd.adopt(fds.getAtIndex(ValueLayout.JAVA_INT, 1)));
        }
    }

    /** Closes both ends (idempotent). */
    @Override
    public void close() {
        try {
            readEnd.close();
        } finally {
            writeEnd.close();
        }
    }
}
