package jsupervisor.daemon.loop;

import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.process.PriorityOrder;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.Subprocess;

/**
 * The ordered stop of a shutdown or restart (Supervisor's {@code runforever} shutdown branch), with one
 * deliberate improvement: Supervisor stops one group at a time in descending priority, waiting for each; we
 * keep the order between priority levels but stop every group of the same priority together, so 100
 * TERM-ignoring programs with stopwaitsecs=1 take about 1 s instead of 100 s. Progress is logged as
 * {@code waiting for a, b to die} at most every 3 s. Loop-confined.
 */
final class Shutdown {
    private static final long REPORT_INTERVAL_NANOS = 3_000_000_000L;

    private final DaemonLog log;
    private List<ProcessGroup> remaining;
    private boolean levelDone;
    private long lastReport = Long.MIN_VALUE;

    Shutdown(DaemonLog log) {
        this.log = log;
    }

    /**
     * One pass: signal the highest remaining priority level, drop levels that have stopped, report.
     *
     * @param groups the active groups in the order they were added, which the report lists them in
     */
    void step(List<ProcessGroup> groups) {
        if (remaining == null) {
            remaining = new ArrayList<>(PriorityOrder.groupsAscending(groups));
        }
        levelDone = false;
        if (!remaining.isEmpty()) {
            // one level per pass, as Supervisor stops one group per pass: the pass's transitions (listener
            // dispatch included) run between levels, so an idle listener stopped later still gets the STOPPING
            // event that the shutdown published
            int priority = remaining.getLast().priority();
            List<ProcessGroup> level = new ArrayList<>();
            for (int i = remaining.size() - 1; i >= 0 && remaining.get(i).priority() == priority; i--) {
                level.add(remaining.get(i));
            }
            boolean allStopped = true;
            for (ProcessGroup g : level) {
                g.stopAll();
                allStopped &= g.unstoppedProcesses().isEmpty();
            }
            if (allStopped) {
                remaining.removeAll(level);
                levelDone = !remaining.isEmpty();
            }
        }
        report(groups);
    }

    /** True when a level finished in the last pass and the next one is waiting for a pass of its own. */
    boolean nextLevelDue() {
        return levelDone;
    }

    private void report(List<ProcessGroup> groups) {
        List<String> names = new ArrayList<>();
        for (ProcessGroup g : groups) {
            for (Subprocess p : g.unstoppedProcesses()) {
                names.add(p.name());
            }
        }
        long now = System.nanoTime();
        if (!names.isEmpty() && (lastReport == Long.MIN_VALUE || now - lastReport >= REPORT_INTERVAL_NANOS)) {
            log.info("waiting for " + String.join(", ", names) + " to die");
            lastReport = now;
        }
    }

    long nextReportNanos() {
        return lastReport == Long.MIN_VALUE ? System.nanoTime() : lastReport + REPORT_INTERVAL_NANOS;
    }

    boolean finished(List<ProcessGroup> groups) {
        if (remaining == null || !remaining.isEmpty()) {
            return false;
        }
        for (ProcessGroup g : groups) {
            if (!g.unstoppedProcesses().isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
