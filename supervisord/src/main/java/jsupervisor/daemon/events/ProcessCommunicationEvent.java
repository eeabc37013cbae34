package jsupervisor.daemon.events;

import java.util.Objects;

/**
 * A PROCESS_COMMUNICATION_STDOUT or _STDERR event: the bytes a child wrote between
 * {@code <!--XSUPERVISOR:BEGIN-->} and {@code <!--XSUPERVISOR:END-->} in capture mode ({@link CaptureMode}).
 * Immutable.
 *
 * <p>Payload: {@code processname:<p> groupname:<g> pid:<pid>\n<data>} (mirrors
 * {@code supervisor/events.py ProcessCommunicationEvent.payload}).
 *
 * @param data the captured bytes already rendered: UTF-8 text, or {@code Undecodable: b'...'}; see {@link #of}
 */
public record ProcessCommunicationEvent(Channel channel, String processName, String groupName, int pid,
                                        String data) implements Event {

    /** Marks the start of captured data ({@code ProcessCommunicationEvent.BEGIN_TOKEN}). */
    public static final String BEGIN_TOKEN = "<!--XSUPERVISOR:BEGIN-->";
    /** Marks the end of captured data ({@code ProcessCommunicationEvent.END_TOKEN}). */
    public static final String END_TOKEN = "<!--XSUPERVISOR:END-->";

    public ProcessCommunicationEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(data, "data");
    }

    /** The event for captured raw bytes (decoded as strict UTF-8 or rendered as {@code Undecodable:}). */
    public static ProcessCommunicationEvent of(Channel channel, String processName, String groupName, int pid,
                                               byte[] data) {
        return new ProcessCommunicationEvent(channel, processName, groupName, pid, EventData.render(data));
    }

    @Override
    public EventType type() {
        return channel.communicationType();
    }

    @Override
    public String payload() {
        return "processname:" + processName + " groupname:" + groupName + " pid:" + pid + "\n" + data;
    }
}
