package jsupervisor.daemon.config;

import java.util.List;

/**
 * One process group as configured: the unit of add, remove and update. Immutable; equality over every field
 * is what reread uses to decide that a group changed.
 *
 * @param listenerPool present only for {@link GroupKind#EVENTLISTENER}
 * @param fcgiSocket   present only for {@link GroupKind#FCGI_PROGRAM}
 */
public record GroupConfig(GroupKind kind, String name, int priority, List<ProcessConfig> processes,
                          EventListenerPoolSettings listenerPool, FcgiSocketConfig fcgiSocket)
        implements PriorityOrdered {
    public GroupConfig {
        processes = List.copyOf(processes);
    }
}
