package jsupervisor.daemon.tail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code tail -f} of one log file as Supervisor's {@code /logtail} serves it (REFERENCE.md §7.3): first the
 * last 1024 bytes, then whatever is appended; a file that shrinks gets {@code ==> File truncated <==} and is
 * followed from its start; a file replaced by rotation (new inode) is reopened and sent from its start. Log
 * files are append-only, so this runs on the HTTP connection's thread, never on the loop. Not thread-safe:
 * one follower per connection.
 */
public final class FileFollower implements AutoCloseable {
    static final int INITIAL_BYTES = 1024;
    private static final byte[] TRUNCATED = "==> File truncated <==\n".getBytes(StandardCharsets.UTF_8);

    private final Path path;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private FileChannel channel;
    private Object fileKey;
    private long position;

    public FileFollower(Path path) {
        this.path = path;
    }

    /** Opens the file and positions at its last 1024 bytes. */
    public void open() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        position = Math.max(0, channel.size() - INITIAL_BYTES);
    }

    /**
     * Opens the file and positions at byte {@code offset}, where a page's text of this log ended. A file now
     * shorter than that was rotated or cleared since: it is followed from its start.
     */
    public void openAt(long offset) throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.READ);
        fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        position = offset <= channel.size() ? Math.max(0, offset) : 0;
    }

    /** Copies what is new since the last call to {@code out}; returns the bytes copied. */
    public long poll(OutputStream out) throws IOException {
        long copied = 0;
        if (rotated()) {
            // what was written to the old file between our last poll and the rotation comes first
            copied += copyRest(out);
            channel.close();
            channel = FileChannel.open(path, StandardOpenOption.READ);
            fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            position = 0;
        }
        long size = channel.size();
        if (size < position) {
            out.write(TRUNCATED);
            position = 0;
        }
        return copied + copyRest(out);
    }

    private long copyRest(OutputStream out) throws IOException {
        long copied = 0;
        while (position < channel.size()) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            out.write(buffer.array(), 0, n);
            position += n;
            copied += n;
        }
        return copied;
    }

    /** True when the path now names another file (a rotation's rename and re-create). */
    private boolean rotated() throws IOException {
        Object key;
        try {
            key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return false; // between a rotation's rename and the new file: keep reading the old one
        }
        return key != null && !key.equals(fileKey);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}
