package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Both ends of a pipe created with {@code pipe2(O_CLOEXEC | O_NONBLOCK)}.
 *
 * <p>Not thread-safe; owned like its two {@link Fd}s. Both ends are close-on-exec so that no child inherits
 * them by accident, and non-blocking so the loop never stalls on them. The spawner dup2()s the child's end
 * onto 0/1/2 (which clears close-on-exec on the copy) and closes its own copy of that end after the spawn.
 */
public record Pipe(Fd readEnd, Fd writeEnd) implements AutoCloseable {

    /**
     * Opens a pipe.
     *
     * @throws PosixException with the errno (EMFILE, ENFILE) when the kernel refuses
     */
    public static Pipe open() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment fds = arena.allocate(ValueLayout.JAVA_INT, 2);
            if (Libc.pipe2(fds, Libc.O_CLOEXEC | Libc.O_NONBLOCK) < 0) {
                throw new PosixException("pipe2", Ffm.errno(), "O_CLOEXEC|O_NONBLOCK");
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
