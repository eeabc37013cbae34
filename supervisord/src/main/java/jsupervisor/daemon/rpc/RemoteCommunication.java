package jsupervisor.daemon.rpc;

/**
 * Where {@code sendRemoteCommEvent} hands its event: the events package will emit REMOTE_COMMUNICATION to
 * subscribed listeners. Called on the loop thread; must not block.
 */
@FunctionalInterface
public interface RemoteCommunication {
    void send(String type, String data);

    /** Until events exist: accept and drop, answering true as Supervisor does with no listener. */
    RemoteCommunication NONE = (type, data) -> { };
}
