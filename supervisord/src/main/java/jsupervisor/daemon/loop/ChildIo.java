package jsupervisor.daemon.loop;

import jsupervisor.daemon.logging.ChildLog;
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
    Fd stdout;
    Fd stderr;
    final ChildLog stdoutLog;
    final ChildLog stderrLog;
    boolean exited;
    /** Bytes for stdin the pipe has not taken yet (see {@link StdinWriter}). */
    byte[] stdinPending = new byte[0];
    /** Whether stdin is registered in epoll for writability. */
    boolean stdinWatched;

    ChildIo(String groupName, String processName, int pid, PidFd pidFd, Fd stdin, Fd stdout, Fd stderr,
            ChildLog stdoutLog, ChildLog stderrLog) {
        this.groupName = groupName;
        this.processName = processName;
        this.pid = pid;
        this.pidFd = pidFd;
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
        this.stdoutLog = stdoutLog;
        this.stderrLog = stderrLog;
    }

    /** Closes every fd we still hold (the logs stay open: they outlive the child). */
    void close() {
        if (stdin != null) {
            stdin.close();
        }
        if (stdout != null) {
            stdout.close();
            stdout = null;
        }
        if (stderr != null) {
            stderr.close();
            stderr = null;
        }
        pidFd.close();
    }
}
