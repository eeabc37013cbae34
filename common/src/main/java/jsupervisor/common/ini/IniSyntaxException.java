package jsupervisor.common.ini;

/**
 * The file is not valid INI. The message is Python configparser's text, which Supervisor shows verbatim:
 * {@code File contains no section headers.} or {@code Source contains parsing errors: ...}.
 */
public final class IniSyntaxException extends Exception {
    private final String file;
    private final int line;

    public IniSyntaxException(String message, String file, int line) {
        super(message);
        this.file = file;
        this.line = line;
    }

    /** The file as it was named to the parser. */
    public String file() {
        return file;
    }

    /** The first offending line (1-based). */
    public int line() {
        return line;
    }
}
