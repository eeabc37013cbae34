/**
 * The daemon's OS layer: every native call supervisord makes, through {@code java.lang.foreign} only (no
 * ProcessBuilder, JNA or JNI). C names ({@code epoll_ctl}, {@code EINTR}) appear only in this package.
 *
 * <p><b>Threads.</b> Nothing here starts a thread. {@link jsupervisor.daemon.posix.Epoll},
 * {@link jsupervisor.daemon.posix.PosixSpawner}, {@link jsupervisor.daemon.posix.PidFd},
 * {@link jsupervisor.daemon.posix.SignalFd} and {@link jsupervisor.daemon.posix.Fd} belong to the supervisor
 * loop thread; {@link jsupervisor.daemon.posix.EventFd#signal()} is the one entry point for other threads.
 * The blocking {@code epoll_wait} pins a virtual thread, so the loop is a platform thread.
 *
 * <p><b>Errors.</b> Raw calls return what C returns and capture errno ({@code Ffm}). Wrappers handle
 * expected errnos on the spot (EINTR retried, EAGAIN as {@code Fd.WOULD_BLOCK}, EPIPE as
 * {@code Fd.BROKEN_PIPE}, ESRCH as {@code false} from kill, ECHILD as {@code WaitStatus.Kind.LOST}); spawn
 * failures are {@link jsupervisor.daemon.posix.SpawnResult.Failed} values; anything else is a
 * {@link jsupervisor.daemon.posix.PosixException} naming the call, its arguments and the errno.
 *
 * <p><b>Typical loop wiring.</b> Register an {@code EventFd} (wake-ups), a {@code SignalFd} (when running
 * with -Xrs and the signals blocked), and per child its pidfd plus stdout/stderr read ends in one
 * {@code Epoll}; on a ready pidfd call {@code PidFd.reap()}; never {@code waitpid(-1)}.
 *
 * <p><b>Facts measured on this machine</b> (x86-64, glibc 2.36), pinned by tests: the JVM holds fds without
 * close-on-exec (lib/modules, class-path jars), so children get closefrom(3); glibc's posix_spawn leaves its
 * internal signals 32 and 33 SIG_IGN in the child unless they are in the SETSIGDEF set.
 */
package jsupervisor.daemon.posix;
