package jsupervisor.daemon.events;

/**
 * A serial number source that starts at 0 and wraps to 0 after {@link Integer#MAX_VALUE} (mirrors
 * {@code supervisor/process.py new_serial}, which wraps at the platform's max int; the Java daemon uses an
 * {@code int}). Loop-confined, not thread-safe.
 */
final class SerialCounter {
    private int last = -1;

    /** The next serial: 0, 1, 2, ... MAX_VALUE, 0, ... */
    int next() {
        last = last == Integer.MAX_VALUE ? 0 : last + 1;
        return last;
    }

    /** Test hook: makes the next serial {@code value + 1} (or 0 after MAX_VALUE). */
    void setLast(int value) {
        last = value;
    }
}
