package jsupervisor.daemon.process;

import java.util.List;

/**
 * The result of turning a {@code command=} into something executable: the program and its argv, or the
 * reason it cannot run, worded as Supervisor words it. Immutable.
 */
public sealed interface ResolvedCommand permits ResolvedCommand.Runnable, ResolvedCommand.Rejected {

    /** The program to execute and the full argv (argv[0] as written). */
    record Runnable(String filename, List<String> argv) implements ResolvedCommand {
        public Runnable {
            argv = List.copyOf(argv);
        }
    }

    /** Why the command cannot run; {@code message} becomes the process's {@code spawnerr}. */
    record Rejected(Reason reason, String message) implements ResolvedCommand {}

    /**
     * Supervisor's exception classes ({@code supervisor/options.py}); startProcess maps NOT_FOUND to the
     * NO_FILE fault and every other reason to NOT_EXECUTABLE.
     */
    enum Reason {
        /** {@code BadCommand}: unparseable or empty command. */
        BAD_COMMAND,
        /** {@code NotFound}: stat failed. */
        NOT_FOUND,
        /** {@code NotExecutable}: a directory, or no x bit at all. */
        NOT_EXECUTABLE,
        /** {@code NoPermission}: access(X_OK) refused. */
        NO_PERMISSION
    }
}
