package jsupervisor.daemon.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The orders in which Supervisor visits groups and processes (REFERENCE §4.4). At run time both sort by
 * priority only, stably over their existing order ({@code functools.total_ordering} on priority in
 * {@code supervisor/process.py}); the descending orders are that ascending list reversed, exactly as
 * Supervisor's {@code sort(); reverse()} and its pop-from-the-end shutdown produce, so ties also come out
 * reversed. Stateless.
 */
public final class PriorityOrder {
    private PriorityOrder() {}

    /** Groups for startAll/stopAll and for transition(): ascending priority. */
    public static List<ProcessGroup> groupsAscending(Collection<ProcessGroup> groups) {
        List<ProcessGroup> out = new ArrayList<>(groups);
        out.sort((a, b) -> Integer.compare(a.priority(), b.priority()));
        return out;
    }

    /** Groups in daemon-shutdown order: descending priority, one group at a time. */
    public static List<ProcessGroup> groupsForShutdown(Collection<ProcessGroup> groups) {
        return groupsAscending(groups).reversed();
    }

    /** Processes for startAll/stopAll: ascending priority. */
    public static List<Subprocess> processesAscending(Collection<Subprocess> processes) {
        List<Subprocess> out = new ArrayList<>(processes);
        out.sort((a, b) -> Integer.compare(a.config().priority(), b.config().priority()));
        return out;
    }

    /** Processes within a group at shutdown ({@code stop_all}): descending priority. */
    public static List<Subprocess> processesDescending(Collection<Subprocess> processes) {
        return processesAscending(processes).reversed();
    }
}
