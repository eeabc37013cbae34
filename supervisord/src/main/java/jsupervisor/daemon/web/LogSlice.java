package jsupervisor.daemon.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The end of a log file for the tail page: its last bytes as text and the file's size at that moment, from one
 * open file, so the live follow can continue exactly where the page's text ends. Read on the connection's
 * thread (log files are append-only). Unlike {@code readProcessStdoutLog}, whose strict decoding makes
 * Supervisor's tail page fail with HTTP 500 when the slice cuts a UTF-8 character in two, a cut or malformed
 * character is shown as U+FFFD. Immutable.
 *
 * @param text the last bytes, decoded
 * @param size the file size the text ends at
 */
record LogSlice(String text, long size) {
    /** The most the tail page shows, whatever {@code limit} asks: the daemon runs with a small heap. */
    static final int MAX_BYTES = 1024 * 1024;

    /** The last {@code bytes} bytes of {@code path} (at most {@link #MAX_BYTES}). */
    static LogSlice read(Path path, long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long start = Math.max(0, size - Math.min(bytes, MAX_BYTES));
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
                // read until the size we saw; bytes appended since are left to the follow
            }
            buffer.flip();
            if (start > 0) {
                skipContinuationBytes(buffer);
            }
            return new LogSlice(decode(buffer), start + buffer.limit());
        }
    }

    /** A slice that starts inside a character: drop its tail bytes rather than show them as garbage. */
    private static void skipContinuationBytes(ByteBuffer buffer) {
        for (int i = 0; i < 3 && buffer.hasRemaining() && (buffer.get(buffer.position()) & 0xC0) == 0x80; i++) {
            buffer.position(buffer.position() + 1);
        }
    }

    private static String decode(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }
}
