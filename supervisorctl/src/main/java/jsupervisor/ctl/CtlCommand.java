package jsupervisor.ctl;

/**
 * One supervisorctl command: its name (the {@code do_<name>} of the reference), what it does with the rest of
 * the line, and its help text (what {@code help_<name>} prints, as one string that may hold newlines).
 * Immutable.
 *
 * @param name the command word
 * @param action runs the command with the stripped argument text
 * @param help the help text; printed followed by a newline
 */
public record CtlCommand(String name, Action action, String help) {

    /** The body of a command. */
    @FunctionalInterface
    public interface Action {
        /**
         * Runs with {@code arg}, the stripped text after the command word.
         *
         * @return true to end the interactive shell ({@code quit}, {@code exit}, {@code EOF})
         */
        boolean run(String arg) throws Exception;
    }
}
