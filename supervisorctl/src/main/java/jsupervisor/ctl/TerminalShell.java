package jsupervisor.ctl;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * The shell's line editor on a real terminal: JLine with readline-style history (plain lines in
 * {@code history_file}, as Python's readline writes them) and {@link ShellCompleter}. This is the only class
 * that touches JLine, so JLine's classes load only when an interactive shell starts on a terminal. Ctrl-C at
 * the prompt becomes {@link Shell.ShellInterrupted}; while a command runs it goes to {@link Interrupts}.
 * Main thread only.
 */
final class TerminalShell implements LineInput, AutoCloseable {
    /** How long the key of an interrupt that arrived as a signal first may take to follow (see settleInterrupt). */
    private static final long INTERRUPT_KEY_WAIT_MS = 200;

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
            // no grapheme-cluster or kitty-keyboard probing: their queries reach whatever reads the terminal (a
            // script driving the shell through a pty sees escape sequences Python's readline never sends)
            Terminal terminal = TerminalBuilder.builder().system(true).graphemeCluster(false).build();
            if (terminal.getWidth() <= 0 || terminal.getHeight() <= 0) {
                // a pty nobody sized (0x0): readline then assumes 80x24; JLine would cut the prompt to nothing
                terminal.setSize(new Size(80, 24));
            }
            terminal.handle(Terminal.Signal.INT, s -> interrupts.fire());
            ShellCompleter completer = new ShellCompleter(ctl);
            LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).completer(completer)
                    .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, false)
                    .option(LineReader.Option.KITTY_KEYBOARD, false);
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
            settleInterrupt();
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
            settleInterrupt();
            throw new Shell.ShellInterrupted();
        } catch (EndOfFileException e) {
            throw new EOFException("EOF when reading a line");
        }
    }

    /**
     * JLine 4 reads Ctrl-C in raw mode as a character and also raises SIGINT for that character
     * (SignalInterceptingInputStream), so one key reaches readLine twice: as the interrupt key binding and as
     * an interrupt of this thread. Whichever of the two ended readLine, the other must not end the next
     * readLine, which after {@code fg} is the shell's own prompt. If the key was read, its signal left this
     * thread's interrupt flag set: clear it. If the signal won, the key itself is on its way into the reader
     * (the pump thread raises the signal just before handing the key over): consume it.
     */
    private void settleInterrupt() {
        if (Thread.interrupted()) {
            return;
        }
        try {
            NonBlockingReader in = terminal.reader();
            int intr = terminal.getAttributes().getControlChar(Attributes.ControlChar.VINTR);
            if (in.peek(INTERRUPT_KEY_WAIT_MS) == intr) {
                in.read();
            }
        } catch (IOException | RuntimeException e) {
            // nothing to consume
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
