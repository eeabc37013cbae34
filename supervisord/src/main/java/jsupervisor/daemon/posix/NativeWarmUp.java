package jsupervisor.daemon.posix;

/**
 * Links the downcall handles of {@link Ffm} on a short-lived thread, so that this happens on the second core
 * while the main thread reads the configuration (which needs no native calls) instead of after it: about 50 ms
 * of a fresh JVM's start-up, measured with the AOT cache.
 *
 * <p>The daemon's first native call waits for the class initialisation if the thread has not finished it, so
 * nothing runs twice. A failure here is left for that first call to report.
 */
public final class NativeWarmUp {
    private NativeWarmUp() {}

    /** Starts the thread and returns at once. */
    public static void start() {
        Thread t = new Thread(NativeWarmUp::run, "native-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Libc.getpid(); // initialises Ffm (its three shapes) and links the common shape's invoker
            Libc.fcntl(-1, Libc.F_GETFD, 0); // a variadic call too; EBADF, and errno is this thread's own
        } catch (RuntimeException | LinkageError e) {
            // the daemon's own first native call reports what is wrong
        }
    }
}
