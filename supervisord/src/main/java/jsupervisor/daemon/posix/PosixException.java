package jsupervisor.daemon.posix;

/**
 * An unexpected failure of a C call, thrown by the wrappers in this package.
 *
 * <p>Immutable. Expected errnos (EINTR, EAGAIN, ESRCH, ECHILD, spawn errors) are handled by the wrappers
 * and never become this exception. The message names the call, its arguments and the errno, for example
 * {@code epoll_ctl(ADD, fd=12): EBADF (Bad file descriptor)}.
 */
public final class PosixException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int errno;
    private final String detail;

    /**
     * @param call   the C function name, e.g. {@code epoll_ctl}
     * @param errno  the error number
     * @param detail the arguments worth printing, e.g. {@code ADD, fd=12}; may be empty
     */
    public PosixException(String call, int errno, String detail) {
        super(call + "(" + detail + "): " + Errno.describe(errno));
        this.call = call;
        this.errno = errno;
        this.detail = detail;
    }

    /** The C function that failed. */
    public String call() {
        return call;
    }

    /** The error number it reported. */
    public int errno() {
        return errno;
    }

    /** The arguments that were printed in the message. */
    public String detail() {
        return detail;
    }
}
