package jsupervisor.daemon.config;

/**
 * A single value failed a datatype conversion. The message is Supervisor's text for that failure (the Python
 * {@code ValueError} message), without any location: the caller adds file, section and option.
 */
public final class InvalidValueException extends Exception {
    public InvalidValueException(String message) {
        super(message, null, false, false);
    }
}
