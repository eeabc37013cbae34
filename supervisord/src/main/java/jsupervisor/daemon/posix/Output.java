package jsupervisor.daemon.posix;

/**
 * Where a spawned child's stdout or stderr goes.
 *
 * <p>Immutable. {@link #PIPE} creates a pipe whose read end the caller gets back (non-blocking,
 * close-on-exec); {@link #DEV_NULL} opens /dev/null in the child; {@link #fd(Fd)} dup2()s an fd the caller
 * keeps owning (for example a log file opened for append, or the daemon's own stdout).
 */
public sealed interface Output {
    /** A new pipe; the spawn result carries its read end. */
    Output PIPE = new ToPipe();
    /** /dev/null, opened by the child itself so the parent holds no extra fd. */
    Output DEV_NULL = new ToDevNull();

    /** An existing fd, duplicated onto the child's stream; the caller keeps ownership and closes it. */
    static Output fd(Fd fd) {
        return new ToFd(fd);
    }

    /** See {@link #PIPE}. */
    record ToPipe() implements Output {}

    /** See {@link #DEV_NULL}. */
    record ToDevNull() implements Output {}

    /** See {@link #fd(Fd)}. */
    record ToFd(Fd fd) implements Output {
        public ToFd {
            if (fd == null) {
                throw new IllegalArgumentException("fd is null");
            }
        }
    }
}
