package jsupervisor.ctl;

import java.io.EOFException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The shell's line editor on a real terminal: JLine with readline-style history (plain lines in
 * {@code history_file}, as Python's readline writes them) and {@link ShellCompleter}. This is the only class
 * that touches JLine, so JLine's classes load only when an interactive shell starts on a terminal. Ctrl-C at
 * the prompt becomes {@link Shell.ShellInterrupted}; while a command runs it goes to {@link Interrupts}.
 * Main thread only.
 */
final class TerminalShell implements LineInput, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;
    private final ShellCompleter completer;

    private TerminalShell(Terminal terminal, LineReader reader, ShellCompleter completer) {
        this.terminal = terminal;
        this.reader = reader;
        this.completer = completer;
    }

    /** A line editor on the process's terminal, or null when none can be made (the plain reader is used). */
    static TerminalShell open(Controller ctl, CtlOptions options, Interrupts interrupts) {
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).build();
            terminal.handle(Terminal.Signal.INT, s -> interrupts.fire());
            ShellCompleter completer = new ShellCompleter(ctl);
            LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).completer(completer)
                    .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, false);
            if (options.historyFile() != null) {
                b.variable(LineReader.HISTORY_FILE, Path.of(options.historyFile()));
            }
            return new TerminalShell(terminal, b.build(), completer);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    @Override
    public String readLine(String prompt) throws EOFException {
        completer.forget();
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException e) {
            throw new Shell.ShellInterrupted();
        } catch (EndOfFileException e) {
            throw new EOFException("EOF when reading a line");
        }
    }

    @Override
    public String readPassword(String prompt) throws EOFException {
        try {
            return reader.readLine(prompt, '\0');
        } catch (UserInterruptException e) {
            throw new Shell.ShellInterrupted();
        } catch (EndOfFileException e) {
            throw new EOFException("EOF when reading a line");
        }
    }

    @Override
    public void close() throws Exception {
        try {
            reader.getHistory().save();
        } finally {
            terminal.close();
        }
    }
}
