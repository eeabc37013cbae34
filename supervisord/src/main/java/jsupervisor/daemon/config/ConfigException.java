package jsupervisor.daemon.config;

import java.util.Optional;

/**
 * The configuration cannot be used. {@link #getMessage()} is Supervisor's text for the problem, word for word
 * where Supervisor has one, so users and scripts comparing it see the same words; {@link #where()} adds the
 * location Supervisor often leaves out (file, line, section, option), printed on a line of its own.
 */
public final class ConfigException extends Exception {
    /**
     * Where the problem is. {@code line} is 0 when unknown; {@code option} is null when the problem concerns the
     * section as a whole (a required key that is missing, for instance); {@code section} is null when it concerns
     * the file as a whole (bytes that are not text).
     */
    public record Where(String file, int line, String section, String option) {
        /** The location line as supervisord prints it, e.g. {@code where: /etc/s.conf line 5, section [x], option y}. */
        public String describe() {
            StringBuilder b = new StringBuilder("where: ").append(file);
            if (line > 0) {
                b.append(" line ").append(line);
            }
            if (section != null) {
                b.append(", section [").append(section).append(']');
            }
            if (option != null) {
                b.append(", option ").append(option);
            }
            return b.toString();
        }
    }

    private final transient Where where;

    public ConfigException(String message) {
        this(message, null);
    }

    public ConfigException(String message, Where where) {
        super(message, null, false, false);
        this.where = where;
    }

    public Optional<Where> where() {
        return Optional.ofNullable(where);
    }

    /** The same problem with a different message (Supervisor adds section suffixes at some boundaries). */
    public ConfigException withMessage(String message) {
        return new ConfigException(message, where);
    }
}
