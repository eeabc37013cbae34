package jsupervisor.daemon.events;

import java.util.Objects;

/**
 * PROCESS_GROUP_ADDED (a group was created: startup, reload, {@code add}/{@code update}) or
 * PROCESS_GROUP_REMOVED ({@code remove}/{@code update}). Immutable. Payload: {@code groupname:<g>\n}, the only
 * payload with a trailing newline ({@code supervisor/events.py ProcessGroupEvent}).
 */
public record ProcessGroupEvent(EventType type, String groupName) implements Event {

    public ProcessGroupEvent {
        if (type != EventType.PROCESS_GROUP_ADDED && type != EventType.PROCESS_GROUP_REMOVED) {
            throw new IllegalArgumentException("not a concrete PROCESS_GROUP type: " + type);
        }
        Objects.requireNonNull(groupName, "groupName");
    }

    public static ProcessGroupEvent added(String groupName) {
        return new ProcessGroupEvent(EventType.PROCESS_GROUP_ADDED, groupName);
    }

    public static ProcessGroupEvent removed(String groupName) {
        return new ProcessGroupEvent(EventType.PROCESS_GROUP_REMOVED, groupName);
    }

    @Override
    public String payload() {
        return "groupname:" + groupName + "\n";
    }
}
