package jsupervisor.ctl;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@link LineInput} over stdin, byte by byte so nothing beyond the line is consumed (later reads, and child
 * processes, see the rest). The prompt goes to stdout as Python's {@code input()} writes it when stdin is not a
 * terminal; a password prompt goes to stderr, with the warnings of Python's {@code getpass} when it cannot turn
 * echo off. One thread.
 */
public final class StdinInput implements LineInput {
    /**
     * Python's warnings module shows a warning once per place in the code; getpass warns from one place, so the
     * first password read without a terminal warns, the later ones do not.
     */
    private static final String GETPASS_WARNING = "/usr/lib/python3.11/getpass.py:91: GetPassWarning: Can not control "
            + "echo on the terminal.\n  passwd = fallback_getpass(prompt, stream)\n";

    private boolean warned;

    private final InputStream in;
    private final Output out;

    public StdinInput(InputStream in, Output out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String readLine(String prompt) throws EOFException {
        out.raw(prompt);
        return readStdinLine();
    }

    private String readStdinLine() throws EOFException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(80);
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                b.write(c);
            }
            if (c < 0 && b.size() == 0) {
                throw new EOFException("EOF when reading a line");
            }
        } catch (EOFException e) {
            throw e;
        } catch (IOException e) {
            throw new EOFException("EOF when reading a line");
        }
        return SurrogateEscape.decode(b.toByteArray(), b.size());
    }

    @Override
    public String readPassword(String prompt) throws EOFException {
        Console console = System.console();
        if (console != null && console.isTerminal()) {
            char[] p = console.readPassword("%s", prompt);
            if (p == null) {
                throw new EOFException("EOF when reading a line");
            }
            return new String(p);
        }
        // getpass's fallback_getpass: warnings and prompt on stderr, the line from stdin, then a newline on stderr
        if (!warned) {
            warned = true;
            out.rawError(GETPASS_WARNING);
        }
        out.rawError("Warning: Password input may be echoed.\n" + prompt);
        String password = readStdinLine();
        out.rawError("\n");
        return password;
    }
}
