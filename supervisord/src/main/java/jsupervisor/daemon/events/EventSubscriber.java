package jsupervisor.daemon.events;

/**
 * What the {@link EventBus} delivers to: in the daemon, a {@link ListenerPool}. Called on the loop thread,
 * synchronously from {@link EventBus#publish}; must not block and must not publish.
 */
@FunctionalInterface
public interface EventSubscriber {
    /**
     * Takes one posted event ({@code EventListenerPool._acceptEvent}). Called once per matching subscription,
     * so a subscriber registered for two types that both match (e.g. {@code EVENT} and {@code TICK_5}) gets the
     * same {@link PostedEvent} twice, as Supervisor's callback list does.
     */
    void accept(PostedEvent posted);
}
