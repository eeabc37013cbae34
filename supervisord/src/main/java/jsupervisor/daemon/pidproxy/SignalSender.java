package jsupervisor.daemon.pidproxy;

/**
 * Sends a signal to an arbitrary pid, as Python's {@code os.kill} does for pidproxy.
 *
 * <p>Java has no API for this: {@code ProcessHandle.destroy()} sends only TERM. Stateless and
 * thread-safe.
 */
public final class SignalSender {
    private static final int EPERM = 1;
    private static final int ESRCH = 3;

    /** Why a signal could not be sent. */
    public static final class SendFailedException extends Exception {
        SendFailedException(int pid, int signal, int errno) {
            super("kill(" + pid + ", " + signal + ") failed: " + describe(errno));
        }

        private static String describe(int errno) {
            return switch (errno) {
                case EPERM -> "EPERM (Operation not permitted)";
                case ESRCH -> "ESRCH (No such process)";
                default -> "errno " + errno;
            };
        }
    }

    /**
     * Sends {@code signal} to {@code pid}. As with kill(2), a pid of 0 or below addresses a process
     * group; the caller passes whatever the pidfile said, exactly as upstream does.
     */
    public void send(int pid, int signal) throws SendFailedException {
        Libc.Result result = Libc.kill(pid, signal);
        if (result.value() != 0) {
            throw new SendFailedException(pid, signal, result.errno());
        }
    }
}
