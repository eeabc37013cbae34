package jsupervisor.daemon.config;

/**
 * A config that the loader sorts as Supervisor does: by priority, then by name (groups in the config's group
 * list, the processes of a {@code numprocs} program within their group).
 */
interface PriorityOrdered {
    int priority();

    String name();

    /**
     * Priority, then name. Written out rather than composed with {@code Comparator.comparingInt}: the JDK's
     * serializable comparator lambdas are spun as new classes at their first use, in every daemon's start-up.
     */
    static int byPriorityThenName(PriorityOrdered a, PriorityOrdered b) {
        int c = Integer.compare(a.priority(), b.priority());
        return c != 0 ? c : a.name().compareTo(b.name());
    }
}
