package jsupervisor.daemon.events;

import java.util.Objects;

import jsupervisor.daemon.process.ProcessState;
import jsupervisor.daemon.process.ProcessStateChange;

/**
 * A {@code PROCESS_STATE_<to>} event. Immutable: every value is captured when the state changed (mirrors
 * {@code supervisor/events.py ProcessStateEvent}, which renders {@code extra_values} in its constructor).
 *
 * <p>The payload is {@code processname:<p> groupname:<g> from_state:<FROM>} followed, by target state, by
 * {@code tries} (STARTING, BACKOFF), {@code expected} and {@code pid} (EXITED), {@code pid} (RUNNING, STOPPING,
 * STOPPED) or nothing (FATAL, UNKNOWN); fields are separated by one space and there is no trailing newline.
 *
 * @param to       the new state; decides the event type
 * @param expected used by EXITED only ({@code expected:1} or {@code expected:0})
 * @param tries    used by STARTING and BACKOFF only (the backoff counter)
 * @param pid      used by EXITED, RUNNING, STOPPING and STOPPED (0 when the process has none)
 */
public record ProcessStateEvent(ProcessState to, String processName, String groupName, ProcessState from,
                                boolean expected, int tries, int pid) implements Event {

    public ProcessStateEvent {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(from, "from");
    }

    /** The event for one change reported through {@code ProcessStateListener}. */
    public static ProcessStateEvent of(ProcessStateChange change) {
        return new ProcessStateEvent(change.to(), change.processName(), change.groupName(), change.from(),
                change.expected(), change.tries(), change.pid());
    }

    @Override
    public EventType type() {
        return switch (to) {
            case STOPPED -> EventType.PROCESS_STATE_STOPPED;
            case STARTING -> EventType.PROCESS_STATE_STARTING;
            case RUNNING -> EventType.PROCESS_STATE_RUNNING;
            case BACKOFF -> EventType.PROCESS_STATE_BACKOFF;
            case STOPPING -> EventType.PROCESS_STATE_STOPPING;
            case EXITED -> EventType.PROCESS_STATE_EXITED;
            case FATAL -> EventType.PROCESS_STATE_FATAL;
            case UNKNOWN -> EventType.PROCESS_STATE_UNKNOWN;
        };
    }

    @Override
    public String payload() {
        String head = "processname:" + processName + " groupname:" + groupName + " from_state:" + from.name();
        // get_extra_values() of each subclass in events.py
        return switch (to) {
            case STARTING, BACKOFF -> head + " tries:" + tries;
            case EXITED -> head + " expected:" + (expected ? 1 : 0) + " pid:" + pid;
            case RUNNING, STOPPING, STOPPED -> head + " pid:" + pid;
            case FATAL, UNKNOWN -> head;
        };
    }
}
