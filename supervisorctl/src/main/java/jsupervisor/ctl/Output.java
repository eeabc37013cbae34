package jsupervisor.ctl;

import java.io.PrintStream;

/**
 * Where supervisorctl writes: every message is one {@code write(message + "\n")} to stdout, flushed at once as
 * the reference's unbuffered ({@code python3 -u}) stdout is, so output interleaves correctly with prompts and
 * streamed logs. Used from the command thread, plus the log-streaming thread of {@code fg} (PrintStream locks).
 */
public final class Output {
    private final PrintStream out;
    private final PrintStream err;

    public Output(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code ctl.output(message)}: the message and a newline. */
    public void line(String message) {
        out.print(message + "\n");
        out.flush();
    }

    /** Text exactly as given (prompts, streamed log data). */
    public void raw(String text) {
        out.print(text);
        out.flush();
    }

    /** A line on stderr (the log streamer's errors). */
    public void error(String message) {
        err.print(message + "\n");
        err.flush();
    }
}
