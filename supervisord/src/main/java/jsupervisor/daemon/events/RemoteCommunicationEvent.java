package jsupervisor.daemon.events;

import java.util.Objects;

/**
 * A REMOTE_COMMUNICATION event, sent by the {@code supervisor.sendRemoteCommEvent(type, data)} RPC. Immutable.
 * Payload: {@code type:<type>\n<data>} (mirrors {@code supervisor/events.py RemoteCommunicationEvent}).
 */
public record RemoteCommunicationEvent(String commType, String data) implements Event {

    public RemoteCommunicationEvent {
        Objects.requireNonNull(commType, "commType");
        Objects.requireNonNull(data, "data");
    }

    @Override
    public EventType type() {
        return EventType.REMOTE_COMMUNICATION;
    }

    @Override
    public String payload() {
        return "type:" + commType + "\n" + data;
    }
}
