package jsupervisor.ctl;

/**
 * A command-line or config-file error that {@code Options.usage} reports: {@code Error: <msg>} and
 * {@code For help, use <argv0> -h} on stderr, exit 2. Immutable.
 */
public final class UsageError extends Exception {
    public UsageError(String message) {
        super(message, null, false, false);
    }
}
