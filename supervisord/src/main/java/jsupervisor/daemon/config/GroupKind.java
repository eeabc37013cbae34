package jsupervisor.daemon.config;

/** How a process group was defined; decides which extra settings it carries. */
public enum GroupKind {
    /** {@code [program:x]}: a homogeneous group named after the program. */
    PROGRAM("program"),
    /** {@code [group:x]}: a heterogeneous group of listed programs. */
    GROUP("group"),
    /** {@code [eventlistener:x]}: a listener pool. */
    EVENTLISTENER("eventlistener"),
    /** {@code [fcgi-program:x]}: processes sharing one listening socket. */
    FCGI_PROGRAM("fcgi-program");

    private final String sectionPrefix;

    GroupKind(String sectionPrefix) {
        this.sectionPrefix = sectionPrefix;
    }

    /** The section-name prefix, without the colon. */
    public String sectionPrefix() {
        return sectionPrefix;
    }
}
