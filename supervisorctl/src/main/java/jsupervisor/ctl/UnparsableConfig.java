package jsupervisor.ctl;

/**
 * The config file is not valid INI. The reference does not catch configparser's exception, so Python prints a
 * traceback ending in {@code configparser.<Class>: <message>} and exits 1; {@link Main} prints that last line
 * after a {@code Traceback} header (the frames in between cannot be reproduced). Immutable.
 */
public final class UnparsableConfig extends Exception {
    private final String pythonClass;

    public UnparsableConfig(String pythonClass, String message) {
        super(message, null, false, false);
        this.pythonClass = pythonClass;
    }

    /** What Python's traceback ends with. */
    public String lastLine() {
        return pythonClass + ": " + getMessage();
    }
}
