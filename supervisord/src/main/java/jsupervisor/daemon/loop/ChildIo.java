package jsupervisor.daemon.loop;

import jsupervisor.daemon.posix.Fd;
import jsupervisor.daemon.posix.PidFd;

/**
 * The daemon's ends of one running child: its pidfd, its stdin pipe, and its stdout/stderr pipes with the
 * logs they feed. Loop-confined; closed when the child is reaped.
 */
final class ChildIo {
    final String groupName;
    final String processName;
    final int pid;
    final PidFd pidFd;
    final Fd stdin;
    /** Released once the child's exit was handled: its share of an fcgi socket; null for other programs. */
    final AutoCloseable lease;
    /** Set by the loop right after construction; null when the child has no such pipe. */
    OutputPipe stdout;
    OutputPipe stderr;
    boolean exited;
    /** Bytes for stdin the pipe has not taken yet (see {@link StdinWriter}). */
    byte[] stdinPending = new byte[0];
    /** Whether stdin is registered in epoll for writability. */
    boolean stdinWatched;

    ChildIo(String groupName, String processName, int pid, PidFd pidFd, Fd stdin, AutoCloseable lease) {
        this.lease = lease;
        this.groupName = groupName;
        this.processName = processName;
        this.pid = pid;
        this.pidFd = pidFd;
        this.stdin = stdin;
    }

    /** Closes every fd we still hold (the logs stay open: they outlive the child). */
    void close() {
        if (stdin != null) {
            stdin.close();
        }
        if (stdout != null) {
            stdout.close();
        }
        if (stderr != null) {
            stderr.close();
        }
        pidFd.close();
    }

    /** Drops the child's share of its fcgi socket: after its exit was handled, so the socket closes last. */
    void releaseLease() {
        if (lease != null) {
            try {
                lease.close();
            } catch (Exception e) {
                throw new IllegalStateException("releasing " + lease + " of pid " + pid, e);
            }
        }
    }
}
