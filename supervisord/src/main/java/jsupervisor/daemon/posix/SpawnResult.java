package jsupervisor.daemon.posix;

/**
 * The outcome of {@link PosixSpawner#spawn}: a running child or the errno that prevented it.
 *
 * <p>Failures are values, not exceptions, because the caller turns each stage's errno into one of
 * Supervisor's fixed messages (REFERENCE.md §4.5), for example EMFILE while making pipes becomes
 * {@code too many open files to spawn 'x'}.
 */
public sealed interface SpawnResult {

    /**
     * A started child. The caller owns every fd here and must close them. {@code stdin} is null unless a
     * stdin pipe was requested; {@code stdout}/{@code stderr} are null unless {@link Output#PIPE} was asked
     * for that stream (stderr is always null when redirected). The child leads its own session and process
     * group, so its pgid is its pid.
     */
    record Spawned(int pid, PidFd pidFd, Fd stdin, Fd stdout, Fd stderr) implements SpawnResult {}

    /**
     * No child is running (a child that started but could not be watched was killed and reaped).
     *
     * @param stage where it failed
     * @param errno the error number: posix_spawn's return value for {@link Stage#SPAWN} (ENOENT, EACCES,
     *     ENOEXEC, ENOTDIR or ENOENT for a bad directory, EAGAIN for the process limit), errno otherwise
     */
    record Failed(Stage stage, int errno) implements SpawnResult {
        /** For logs: {@code posix_spawn: ENOENT (No such file or directory)}. */
        public String message() {
            return stage.call + ": " + Errno.describe(errno);
        }
    }

    /** The step that failed, named after its C call. */
    enum Stage {
        /** Creating the stdio pipes (pipe2): EMFILE, ENFILE. */
        PIPES("pipe2"),
        /** Looking the program up on PATH found nothing (errno ENOENT), or posix_spawn itself failed. */
        SPAWN("posix_spawn"),
        /** pidfd_open failed after the spawn; the child was killed. */
        PIDFD("pidfd_open");

        private final String call;

        Stage(String call) {
            this.call = call;
        }
    }
}
