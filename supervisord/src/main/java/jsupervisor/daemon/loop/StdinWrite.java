package jsupervisor.daemon.loop;

/**
 * The outcome of queueing bytes for a child's stdin ({@code supervisor.sendProcessStdin}), mirroring the errors
 * of {@code supervisor/process.py Subprocess.write}.
 */
public enum StdinWrite {
    /** Written, or queued behind earlier bytes to go out when the pipe drains. */
    QUEUED,
    /** There is no running child for that process (no pid, or it is being killed). */
    NOT_RUNNING,
    /** The child closed its stdin (EPIPE): the buffer was dropped and our end closed. */
    BROKEN_PIPE
}
