package jsupervisor.common.ini;

import java.util.Objects;

/**
 * One option value as read from an INI file, with where it was defined.
 *
 * <p>Immutable. {@code line} is the 1-based line of the key, or 0 when the value was not read from a file
 * (a built-in default).
 */
public record IniValue(String text, String file, int line) {
    public IniValue {
        Objects.requireNonNull(text, "text");
    }

    /** The same location with another text (used when {@code %(here)s} is substituted in place). */
    public IniValue withText(String newText) {
        return new IniValue(newText, file, line);
    }
}
