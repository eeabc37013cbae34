package jsupervisor.ctl;

import java.io.EOFException;

/**
 * Reads a line from the user, as Python's {@code raw_input}/{@code getpass} do: for confirmations, the 401
 * username and password prompts, {@code fg}, and the shell itself. The plain implementation reads stdin; the
 * shell substitutes a JLine one. Used from the command thread only.
 */
public interface LineInput {
    /** Shows {@code prompt} and reads one line without its newline; EOF throws. */
    String readLine(String prompt) throws EOFException;

    /** Like {@link #readLine} but without echo where a terminal allows it. */
    String readPassword(String prompt) throws EOFException;
}
