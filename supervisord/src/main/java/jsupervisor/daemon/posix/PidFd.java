package jsupervisor.daemon.posix;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * A pidfd for one of our children, and the only ways this package reaps processes.
 *
 * <p>Not thread-safe: owned by the supervisor loop. The pidfd (close-on-exec by definition) becomes readable
 * in {@link Epoll} when the child exits; {@link #reap()} then collects its status with
 * {@code waitid(P_PIDFD, fd, WEXITED|WNOHANG)}, which touches no other child. We never call
 * {@code waitpid(-1)}: it would steal exit statuses from the JDK's own process reaper (DESIGN.md).
 * Invariant: once {@link #reap()} returned a status, the pid may be recycled and must not be signalled.
 */
public final class PidFd implements AutoCloseable {
    private final int pid;
    private final Fd fd;
    private boolean reaped;

    private PidFd(int pid, Fd fd) {
        this.pid = pid;
        this.fd = fd;
    }

    /**
     * Opens a pidfd for {@code pid} with pidfd_open(2) (Linux 5.3+, syscall 434 on x86-64 and aarch64).
     *
     * @throws PosixException ESRCH if no such process, EMFILE when out of fds, ENOSYS on old kernels
     */
    public static PidFd open(int pid) {
        long fd = Libc.syscall(Arch.SYS_PIDFD_OPEN, pid, 0);
        if (fd < 0) {
            throw new PosixException("pidfd_open", Ffm.errno(), "pid=" + pid);
        }
        return new PidFd(pid, Fd.adopt((int) fd));
    }

    /** The child's pid, which is also its process group and session id. */
    public int pid() {
        return pid;
    }

    /** Whether {@link #reap()} has returned a status; after that the pid must not be signalled. */
    public boolean isReaped() {
        return reaped;
    }

    /** The fd to register with {@link Epoll#add} for {@link Epoll#IN}. */
    public Fd fd() {
        return fd;
    }

    /**
     * Collects the child's exit status if it has exited.
     *
     * @return empty while the child runs; otherwise its status (or {@link WaitStatus.Kind#LOST} if another
     *     waiter reaped it first, ECHILD)
     */
    public Optional<WaitStatus> reap() {
        if (reaped) {
            throw new IllegalStateException("pid " + pid + " was already reaped");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment siginfo = arena.allocate(WaitStatus.SIGINFO_SIZE, 8);
            int rc = waitid(Libc.P_PIDFD, fd.value(), siginfo, Libc.WEXITED | Libc.WNOHANG);
            if (rc == Errno.ECHILD) {
                reaped = true;
                return Optional.of(WaitStatus.lost(pid));
            }
            if (rc != 0) {
                throw new PosixException("waitid", rc, "P_PIDFD, fd=" + fd.value() + ", pid=" + pid);
            }
            // WNOHANG with nothing to report leaves si_pid 0 (the segment is zeroed by allocate).
            if (siginfo.get(ValueLayout.JAVA_INT, WaitStatus.SI_PID) == 0) {
                return Optional.empty();
            }
            reaped = true;
            return Optional.of(WaitStatus.fromSiginfo(siginfo));
        }
    }

    /**
     * For PID 1 or a child subreaper only: reaps one exited process that is NOT ours. It peeks with
     * {@code waitid(P_ALL, WNOWAIT)} and reaps the peeked pid only if {@code isOurs} rejects it; the caller's
     * predicate must also cover children of any {@code java.lang.Process} (DESIGN.md).
     *
     * @return the orphan's status, or empty if no zombie is waiting or the first one is ours (it will be
     *     reaped through its pidfd; call again after that)
     */
    public static Optional<WaitStatus> reapOrphan(IntPredicate isOurs) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment siginfo = arena.allocate(WaitStatus.SIGINFO_SIZE, 8);
            int rc = waitid(Libc.P_ALL, 0, siginfo, Libc.WEXITED | Libc.WNOHANG | Libc.WNOWAIT);
            if (rc == Errno.ECHILD) {
                return Optional.empty();
            }
            if (rc != 0) {
                throw new PosixException("waitid", rc, "P_ALL, WNOWAIT");
            }
            int pid = siginfo.get(ValueLayout.JAVA_INT, WaitStatus.SI_PID);
            if (pid == 0 || isOurs.test(pid)) {
                return Optional.empty();
            }
            siginfo.fill((byte) 0);
            rc = waitid(Libc.P_PID, pid, siginfo, Libc.WEXITED | Libc.WNOHANG);
            if (rc != 0) {
                // ECHILD: someone reaped it between the peek and now, which is what we wanted anyway.
                return Optional.empty();
            }
            return Optional.of(WaitStatus.fromSiginfo(siginfo));
        }
    }

    /** Blocks until {@code pid} (a child we just killed) has exited and reaps it. */
    static WaitStatus reapBlocking(int pid) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment siginfo = arena.allocate(WaitStatus.SIGINFO_SIZE, 8);
            int rc = waitid(Libc.P_PID, pid, siginfo, Libc.WEXITED);
            if (rc != 0) {
                throw new PosixException("waitid", rc, "P_PID, pid=" + pid);
            }
            return WaitStatus.fromSiginfo(siginfo);
        }
    }

    /** waitid retrying EINTR; returns 0 or the errno. */
    private static int waitid(int idtype, int id, MemorySegment siginfo, int options) {
        while (true) {
            if (Libc.waitid(idtype, id, siginfo, options) == 0) {
                return 0;
            }
            int errno = Ffm.errno();
            if (errno != Errno.EINTR) {
                return errno;
            }
        }
    }

    /** Closes the pidfd; the pid itself is unaffected. Idempotent. */
    @Override
    public void close() {
        fd.close();
    }

    @Override
    public String toString() {
        return "PidFd(pid=" + pid + ", " + fd + ")";
    }
}
