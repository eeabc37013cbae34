package jsupervisor.ctl;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@link LineInput} over stdin, byte by byte so nothing beyond the line is consumed (later reads, and child
 * processes, see the rest). The prompt goes to stdout as Python's {@code input()} writes it when stdin is not a
 * terminal. One thread.
 */
public final class StdinInput implements LineInput {
    private final InputStream in;
    private final Output out;

    public StdinInput(InputStream in, Output out) {
        this.in = in;
        this.out = out;
    }

    @Override
    public String readLine(String prompt) throws EOFException {
        out.raw(prompt);
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
        return b.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String readPassword(String prompt) throws EOFException {
        Console console = System.console();
        if (console != null) {
            char[] p = console.readPassword("%s", prompt);
            if (p == null) {
                throw new EOFException("EOF when reading a line");
            }
            return new String(p);
        }
        return readLine(prompt);
    }
}
