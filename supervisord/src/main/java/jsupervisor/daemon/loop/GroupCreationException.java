package jsupervisor.daemon.loop;

/**
 * A configured group that cannot be made active: its fcgi socket cannot be created. At start-up the daemon stops
 * with the message; through {@code addProcessGroup} the call fails.
 */
public final class GroupCreationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GroupCreationException(String message) {
        super(message, null, false, false);
    }
}
