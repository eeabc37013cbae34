package jsupervisor.daemon.events;

import java.util.Objects;

/**
 * A PROCESS_LOG_STDOUT or PROCESS_LOG_STDERR event: one chunk as logged from a child's output channel (emitted
 * only when {@code stdout_events_enabled} / {@code stderr_events_enabled} is set). Immutable.
 *
 * <p>Payload: {@code processname:<p> groupname:<g> pid:<pid> channel:<stdout|stderr>\n<data>} (mirrors
 * {@code supervisor/events.py ProcessLogEvent.payload}).
 *
 * @param data the chunk already rendered: UTF-8 text, or {@code Undecodable: b'...'}; see {@link #of}
 */
public record ProcessLogEvent(Channel channel, String processName, String groupName, int pid, String data)
        implements Event {

    public ProcessLogEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(data, "data");
    }

    /** The event for a chunk of raw bytes (decoded as strict UTF-8 or rendered as {@code Undecodable:}). */
    public static ProcessLogEvent of(Channel channel, String processName, String groupName, int pid, byte[] data) {
        return new ProcessLogEvent(channel, processName, groupName, pid, EventData.render(data));
    }

    @Override
    public EventType type() {
        return channel.logType();
    }

    @Override
    public String payload() {
        return "processname:" + processName + " groupname:" + groupName + " pid:" + pid + " channel:"
                + channel.wireName() + "\n" + data;
    }
}
