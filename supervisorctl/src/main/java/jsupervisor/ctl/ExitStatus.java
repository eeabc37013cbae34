package jsupervisor.ctl;

/**
 * supervisorctl's exit statuses: the LSB init-script codes Supervisor's {@code LSBInitExitStatuses} and
 * {@code LSBStatusExitStatuses} define (REFERENCE §9.5). Constants only.
 */
public final class ExitStatus {
    public static final int SUCCESS = 0;
    public static final int GENERIC = 1;
    public static final int INVALID_ARGS = 2;
    public static final int UNIMPLEMENTED_FEATURE = 3;
    public static final int INSUFFICIENT_PRIVILEGES = 4;
    public static final int NOT_INSTALLED = 5;
    public static final int NOT_RUNNING = 7;
    /** {@code status}: a shown process is stopped. */
    public static final int STATUS_NOT_RUNNING = 3;
    /** {@code status}: a bad name or a failed upcheck. */
    public static final int STATUS_UNKNOWN = 4;
    /** Usage errors of the command line, as {@code Options.usage} exits. */
    public static final int USAGE = 2;

    private ExitStatus() {}
}
