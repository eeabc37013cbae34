package jsupervisor.daemon.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.ProcessConfig;

/**
 * The processes of one active group ({@code [program:x]}, {@code [group:x]} or {@code [fcgi-program:x]}),
 * in config order; mirrors {@code supervisor/process.py ProcessGroupBase} and {@code ProcessGroup}.
 * Event-listener pools add dispatch on top of this and live in the events package.
 *
 * <p>Loop-confined. Invariant: the process set is fixed at construction (reread/update replaces whole
 * groups), and process names are unique within the group (a name configured twice is one process).
 */
public final class ProcessGroup {
    private final GroupConfig config;
    private final Map<String, Subprocess> processes = new LinkedHashMap<>();

    public ProcessGroup(GroupConfig config, ProcessServices services) {
        this.config = config;
        for (ProcessConfig pc : config.processes()) {
            // two configs of one name (process_name=%%(process_num)d escaped, a program listed twice in a
            // [group:x]): Supervisor's processes dict keeps the first one's place and the last one's config
            processes.put(pc.name(), new Subprocess(pc, config.name(), services));
        }
    }

    public GroupConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    public int priority() {
        return config.priority();
    }

    /** All processes, in config order (Supervisor's dict order, used by status listings and reports). */
    public Collection<Subprocess> processes() {
        return Collections.unmodifiableCollection(processes.values());
    }

    public Optional<Subprocess> process(String name) {
        return Optional.ofNullable(processes.get(name));
    }

    /** Whether {@code process} belongs to this group (identity, not name). */
    public boolean contains(Subprocess process) {
        return processes.get(process.name()) == process;
    }

    /** The process whose current child has this pid, if any. */
    public Optional<Subprocess> processWithPid(int pid) {
        return processes.values().stream().filter(p -> pid != 0 && p.pid() == pid).findFirst();
    }

    /**
     * One state-machine step for every process, in config order: a program's processes by priority, a
     * {@code [group:x]}'s in its {@code programs=} order, so its autostart spawns come in that order, as
     * Supervisor's {@code transition} walks its processes dict. (startAll and stopAll sort by priority.)
     */
    public void transition() {
        for (Subprocess p : processes.values()) {
            p.transition();
        }
    }

    /**
     * The shutdown step for this group; mirrors {@code ProcessGroupBase.stop_all}: in descending process
     * priority, RUNNING and STARTING processes get their stop signal and BACKOFF ones give up.
     */
    public void stopAll() {
        for (Subprocess p : PriorityOrder.processesDescending(processes.values())) {
            switch (p.state()) {
                case RUNNING, STARTING -> p.stop(); // RUNNING/STARTING -> STOPPING
                case BACKOFF -> p.giveUp(); // BACKOFF -> FATAL, silently
                default -> { }
            }
        }
    }

    /** Processes not in a stopped state, in config order ({@code get_unstopped_processes}). */
    public List<Subprocess> unstoppedProcesses() {
        return processesNotIn(ProcessState.STOPPED_STATES);
    }

    /** Processes whose state is in {@code states}, in config order. */
    public List<Subprocess> processesIn(Set<ProcessState> states) {
        List<Subprocess> out = new ArrayList<>();
        for (Subprocess p : processes.values()) {
            if (states.contains(p.state())) {
                out.add(p);
            }
        }
        return out;
    }

    private List<Subprocess> processesNotIn(Set<ProcessState> states) {
        List<Subprocess> out = new ArrayList<>();
        for (Subprocess p : processes.values()) {
            if (!states.contains(p.state())) {
                out.add(p);
            }
        }
        return out;
    }

    /** The earliest {@link Subprocess#nextDeadline()} of the group, in monotonic nanos. */
    public OptionalLong nextDeadline() {
        OptionalLong best = OptionalLong.empty();
        for (Subprocess p : processes.values()) {
            OptionalLong d = p.nextDeadline();
            if (d.isPresent() && (best.isEmpty() || d.getAsLong() - best.getAsLong() < 0)) {
                best = d;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "<ProcessGroup " + config.name() + ">";
    }
}
