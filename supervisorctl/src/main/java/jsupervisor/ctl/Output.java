package jsupervisor.ctl;

import java.io.PrintStream;

/**
 * Where supervisorctl writes: every message is one {@code write(message + "\n")} to stdout, flushed at once as
 * the reference's unbuffered ({@code python3 -u}) stdout is, so output interleaves correctly with prompts and
 * streamed logs. Messages are encoded here and written as bytes: the PrintStream's own text path (writer,
 * encoder, buffers) costs a cold JVM tens of microseconds a line, a status of 1000 programs tens of milliseconds.
 * Used from the command thread, plus the log-streaming thread of {@code fg} (PrintStream locks).
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
        write(out, message + "\n");
    }

    /** Text exactly as given (prompts, streamed log data). */
    public void raw(String text) {
        write(out, text);
    }

    /** Text exactly as given, on stderr (Python's getpass prompts there when it has no terminal). */
    public void rawError(String text) {
        write(err, text);
    }

    /** A line on stderr (the log streamer's errors). */
    public void error(String message) {
        write(err, message + "\n");
    }

    /**
     * Bytes of stdin that were not UTF-8 go back out as they came (SurrogateEscape); other unpaired surrogates
     * become '?', as the PrintStream's UTF-8 encoder makes them.
     */
    private static void write(PrintStream stream, String text) {
        byte[] bytes = SurrogateEscape.encode(text);
        stream.write(bytes, 0, bytes.length);
        stream.flush();
    }
}
