package jsupervisor.daemon.logging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A log file that rolls over at {@code maxBytes} and keeps {@code backups} old files, exactly as Supervisor's
 * {@code supervisor/loggers.py RotatingFileHandler} does: after each write, when the file holds at least
 * {@code maxBytes}, {@code f.(i)} becomes {@code f.(i+1)} for i = backups-1 down to 1, {@code f} becomes
 * {@code f.1}, and {@code f} is reopened empty; with {@code backups=0} the file is simply truncated, and with
 * {@code maxBytes=0} it never rotates. Files are opened in append mode and created {@code 0666 & ~umask}.
 *
 * <p>Deliberate improvements over Supervisor:
 * <ul>
 *   <li>A path that is not a regular file ({@code /dev/stdout}, a pipe, a character device), or that lies under
 *       /dev or /proc, is never rotated, whatever {@code maxBytes} says; Supervisor fails every write with
 *       "Illegal seek" instead.</li>
 *   <li>A failing write (a full disk) is reported once through the {@link SinkListener}; the unwritten bytes
 *       stay buffered (up to a cap, beyond which the newest bytes are counted and dropped) and are retried before
 *       the next write, so nothing is lost or reordered when space returns. Supervisor prints a traceback per
 *       write and loses the data.</li>
 *   <li>A failed rotation (a rename refused) keeps appending to the current file instead of losing it.</li>
 * </ul>
 *
 * <p>Loop-confined: no locks; all methods run on the supervisor loop thread. Invariants: bytes reach the files
 * in the order they were written, never split by a rotation (it happens only between writes); {@code pending}
 * holds bytes accepted but not yet written, oldest first, and is empty whenever {@code failing} is false.
 * The file size is tracked by counting written bytes (no {@code tell()} syscall per write) and confirmed with
 * one {@code fstat} before rotating, so an external truncation ({@code copytruncate}) never causes an early
 * rotation. Writes use the channel's append mode rather than positional writes: Linux's {@code pwrite} ignores
 * the offset on an {@code O_APPEND} descriptor anyway, pipes reject it, and appending keeps a file truncated
 * behind our back free of holes.
 */
public final class RotatingFileSink implements LogSink {

    /** Rotation settings: {@code *_logfile_maxbytes} (0 = never rotate) and {@code *_logfile_backups}. */
    public record Rotation(long maxBytes, int backups) {
        /** No rotation: the file grows forever ({@code maxbytes=0}). */
        public static final Rotation NONE = new Rotation(0, 0);

        public Rotation {
            if (maxBytes < 0 || backups < 0) {
                throw new IllegalArgumentException("maxBytes and backups must be >= 0, got " + maxBytes
                        + " and " + backups);
            }
        }
    }

    /** Default cap on bytes held back while the file cannot be written. */
    public static final int DEFAULT_PENDING_CAP = 1 << 20;

    private static final byte[] EMPTY = new byte[0];

    private final Path path;
    private final Rotation rotation;
    private final SinkListener listener;
    private final ChannelOpener opener;
    private final int pendingCap;

    private FileChannel channel; // null while closed or after a failure; reopened lazily by the next write
    private Path[] backups; // path.N at index N, made as rotations first need them (a rotation looks at them all)
    private boolean regular;
    private long size;
    private byte[] pending = EMPTY;
    private int pendingLength;
    private long droppedBytes;
    private boolean failing;
    private boolean closed;
    private String unreportedAction; // a failure or recovery not yet told to the listener: see report()
    private IOException unreportedCause;
    private boolean unreportedRecovery;

    private RotatingFileSink(Path path, Rotation rotation, SinkListener listener, ChannelOpener opener,
                             int pendingCap) {
        this.path = path;
        this.rotation = rotation;
        this.listener = listener;
        this.opener = opener;
        this.pendingCap = pendingCap;
    }

    /**
     * Opens {@code path} for appending. Throws when the first open fails, as Supervisor's handler constructor
     * does, so the caller can refuse to start (main log) or report a spawn error (child log).
     */
    public static RotatingFileSink open(Path path, Rotation rotation, SinkListener listener) throws IOException {
        return open(path, rotation, listener, ChannelOpener.FILES, DEFAULT_PENDING_CAP);
    }

    /** As {@link #open(Path, Rotation, SinkListener)}, with the channel seam and buffer cap made explicit. */
    public static RotatingFileSink open(Path path, Rotation rotation, SinkListener listener, ChannelOpener opener,
                                        int pendingCap) throws IOException {
        RotatingFileSink sink = new RotatingFileSink(path, rotation, listener, opener, pendingCap);
        sink.openChannel(false);
        return sink;
    }

    /** The file's path; readers ({@code readLog}, tail) open it themselves. */
    public Path path() {
        return path;
    }

    @Override
    public void write(byte[] data, int offset, int len) {
        write(ByteBuffer.wrap(data, offset, len));
    }

    /** As {@link #write(byte[], int, int)}: a direct buffer goes to the file without being copied first. */
    @Override
    public void write(ByteBuffer data) {
        if (!closed) {
            writeOrHold(data);
            report();
        }
    }

    @Override
    public void reopen() {
        if (!closed) {
            closeChannel();
            try {
                openChannel(false);
                if (flushPending()) {
                    recover();
                }
            } catch (IOException e) {
                fail("reopen", e);
            }
            report();
        }
    }

    /**
     * Supervisor's {@code handler.remove(); handler.reopen()} ({@code clearProcessLogs}): closes, deletes the file
     * (a missing file is fine) and reopens it empty. Bytes still held back are discarded with the old content;
     * backups are not touched. Throws when the file exists but cannot be deleted.
     */
    public void clear() throws IOException {
        pendingLength = 0;
        closeChannel();
        try {
            Files.deleteIfExists(path);
        } finally {
            reopen();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            flushPending(); // last chance for held-back bytes
            closeChannel();
            closed = true;
            report();
        }
    }

    /** Bytes accepted but not yet written (package-private, for tests). */
    int pendingBytes() {
        return pendingLength;
    }

    private void writeOrHold(ByteBuffer data) {
        if (!flushPending()) {
            hold(data);
            return;
        }
        try {
            writeFully(data);
        } catch (IOException e) {
            hold(data);
            fail("write", e);
            return;
        }
        if (rotateIfDue()) {
            recover();
        }
    }

    private void openChannel(boolean truncate) throws IOException {
        FileChannel opened = opener.open(path, truncate);
        try {
            regular = isRegularFile();
            size = regular ? opened.size() : 0;
        } catch (IOException e) {
            opened.close();
            throw e;
        }
        channel = opened;
    }

    private boolean isRegularFile() {
        if (isSpecialPath(path)) {
            return false;
        }
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).isRegularFile();
        } catch (IOException e) {
            return false; // cannot tell: never rotate rather than fail on a pipe
        }
    }

    /**
     * True for paths under /dev and /proc. {@code /dev/stdout} resolves to a regular file when the daemon's
     * stdout was redirected to one ({@code supervisord -n > out.txt}); rotating it would rename the
     * {@code /dev/stdout} link itself (Supervisor's handler would attempt exactly that).
     */
    static boolean isSpecialPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith("/dev") || absolute.startsWith("/proc");
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Nothing left to save: write() already handed every byte to the kernel, and a close error on a
                // log file gives the daemon nothing to act on.
            }
            channel = null;
        }
    }

    /** Ensures the channel is open and the held-back bytes are written; false (already reported) otherwise. */
    private boolean flushPending() {
        if (channel == null) {
            try {
                openChannel(false);
            } catch (IOException e) {
                fail("open", e);
                return false;
            }
        }
        if (pendingLength == 0) {
            return true;
        }
        ByteBuffer buffer = ByteBuffer.wrap(pending, 0, pendingLength);
        try {
            writeFully(buffer);
        } catch (IOException e) {
            int left = buffer.remaining();
            System.arraycopy(pending, buffer.position(), pending, 0, left);
            pendingLength = left;
            fail("write", e);
            return false;
        }
        pendingLength = 0;
        return true;
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            int written = channel.write(buffer);
            if (written <= 0) {
                throw new IOException("write made no progress on " + path);
            }
            size += written;
        }
    }

    /**
     * Keeps what is left of {@code data} for the next attempt, up to the cap; the newest bytes beyond it are
     * counted as dropped.
     */
    private void hold(ByteBuffer data) {
        int len = data.remaining();
        int kept = Math.max(0, Math.min(len, pendingCap - pendingLength));
        if (kept > 0) {
            if (pendingLength + kept > pending.length) {
                long grown = Math.max((long) pending.length * 2, pendingLength + kept);
                byte[] bigger = new byte[(int) Math.min(grown, pendingCap)];
                System.arraycopy(pending, 0, bigger, 0, pendingLength);
                pending = bigger;
            }
            data.get(pending, pendingLength, kept);
            pendingLength += kept;
        }
        droppedBytes += len - kept;
    }

    private void fail(String action, IOException cause) {
        // A channel that failed may be closed (ClosedByInterruptException) or stale: reopen it on the next write.
        closeChannel();
        if (!failing) {
            failing = true;
            unreportedAction = action;
            unreportedCause = cause;
        }
    }

    private void recover() {
        if (failing && pendingLength == 0) {
            failing = false;
            unreportedRecovery = true;
        }
    }

    /**
     * Tells the listener, last thing in each public method: the listener may log through this very sink, which
     * is safe only once the sink's state is consistent again.
     */
    private void report() {
        if (unreportedAction != null) {
            String action = unreportedAction;
            IOException cause = unreportedCause;
            unreportedAction = null;
            unreportedCause = null;
            listener.failed(path.toString(), action, cause);
        }
        if (unreportedRecovery) {
            unreportedRecovery = false;
            long dropped = droppedBytes;
            droppedBytes = 0;
            listener.recovered(path.toString(), dropped);
        }
    }

    /** Rotates when the file is full; false when that failed (already reported). */
    private boolean rotateIfDue() {
        if (rotation.maxBytes() <= 0 || !regular || size < rotation.maxBytes()) {
            return true;
        }
        try {
            size = channel.size(); // confirm: the file may have been truncated behind our back
        } catch (IOException e) {
            fail("rotate", e);
            return false;
        }
        return size < rotation.maxBytes() || rotate();
    }

    // mirrors supervisor/loggers.py RotatingFileHandler.doRollover()
    private boolean rotate() {
        closeChannel();
        boolean truncate = true;
        try {
            if (rotation.backups() > 0) {
                for (int i = rotation.backups() - 1; i > 0; i--) {
                    Path source = backup(i);
                    if (Files.exists(source)) {
                        moveIgnoringMissingSource(source, backup(i + 1));
                    }
                }
                moveIgnoringMissingSource(path, backup(1));
            }
        } catch (IOException e) {
            truncate = false; // the current file was not saved: keep appending to it rather than lose it
            fail("rotate", e);
        }
        try {
            openChannel(truncate);
        } catch (IOException e) {
            fail("open", e);
            return false;
        }
        return truncate;
    }

    private Path backup(int index) {
        if (backups == null) {
            backups = new Path[rotation.backups() + 1];
        }
        Path backup = backups[index];
        if (backup == null) {
            backup = path.resolveSibling(path.getFileName() + "." + index);
            backups[index] = backup;
        }
        return backup;
    }

    // Python removes the destination first and ignores ENOENT on both sides (a cleanup script removed a file);
    // rename(2) replaces the destination atomically, which has the same outcome. ATOMIC_MOVE is that one
    // rename; REPLACE_EXISTING would first stat both files and build an exception for a missing destination.
    private static void moveIgnoringMissingSource(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            if (Files.exists(source)) {
                throw e;
            }
        }
    }
}
