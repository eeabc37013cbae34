package jsupervisor.common.api;

/** The version strings clients can observe; they are Supervisor's, so tools that check them keep working. */
public final class Versions {
    /** What {@code supervisord -v} and {@code supervisor.getSupervisorVersion} report. */
    public static final String SUPERVISOR_VERSION = "4.2.5";
    /** {@code supervisor.getAPIVersion}. */
    public static final String API_VERSION = "3.0";
    /** Our own release, shown where Supervisor shows nothing comparable. */
    public static final String JSUPERVISOR_VERSION = "0.1.0";

    private Versions() {}
}
