package jsupervisor.daemon.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.daemon.process.MainLog;

/**
 * The capture half of one output channel of one program ({@code *_capture_maxbytes}): finds
 * {@code <!--XSUPERVISOR:BEGIN-->} ... {@code <!--XSUPERVISOR:END-->} in the byte stream, even split across
 * reads, and turns what lies between into a PROCESS_COMMUNICATION event. A port of
 * {@code supervisor/dispatchers.py POutputDispatcher.record_output} and {@code toggle_capturemode}, with the
 * capture buffer of {@code supervisor/loggers.py BoundIO}.
 *
 * <p>Every chunk still goes through {@link Log#log} ({@code _log}): outside capture mode it is logged normally;
 * inside, it must not reach the log file but still gets the DEBG mirror and PROCESS_LOG events, and the bytes
 * as logged (after {@code strip_ansi}) are what is captured. Quirks kept: up to a token's length of output is
 * held back until more arrives, even with no token in sight, and a tail still held when the process exits is
 * never logged; the capture buffer drops its first {@code len(new)} bytes before an append that would exceed
 * the bound, so it may end up above the bound. With {@code captureMaxBytes == 0} tokens are not interpreted.
 *
 * <p>Loop-confined; one instance per channel per process spawn.
 */
public final class CaptureMode {
    private static final byte[] BEGIN = ProcessCommunicationEvent.BEGIN_TOKEN.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = ProcessCommunicationEvent.END_TOKEN.getBytes(StandardCharsets.US_ASCII);

    /** The normal logging path of the channel ({@code POutputDispatcher._log}). */
    @FunctionalInterface
    public interface Log {
        /**
         * Logs one non-empty chunk: strip ANSI if configured, write it to the channel's log file unless
         * {@code capturing}, mirror it to the main log, emit PROCESS_LOG_* if enabled. Returns the bytes as
         * logged (stripped), which capture mode keeps.
         */
        byte[] log(byte[] data, boolean capturing);
    }

    /** Which channel of which process, and {@code *_capture_maxbytes}. */
    public record Spec(String processName, String groupName, Channel channel, int captureMaxBytes) {
        public Spec {
            Objects.requireNonNull(processName, "processName");
            Objects.requireNonNull(groupName, "groupName");
            Objects.requireNonNull(channel, "channel");
            if (captureMaxBytes < 0) {
                throw new IllegalArgumentException("captureMaxBytes must not be negative: " + captureMaxBytes);
            }
        }
    }

    private final Spec spec;
    private final IntSupplier pid;
    private final Log channelLog;
    private final Consumer<Event> publisher;
    private final MainLog mainLog;

    private byte[] pending = new byte[0]; // output_buffer
    private boolean capturing; // capturemode
    private byte[] captured = new byte[0]; // the BoundIO buffer

    /**
     * @param pid       the process's current pid, read when a comm event is made ({@code self.process.pid})
     * @param publisher where PROCESS_COMMUNICATION events go (the loop passes {@code bus::publish})
     */
    public CaptureMode(Spec spec, IntSupplier pid, Log channelLog, Consumer<Event> publisher, MainLog mainLog) {
        this.spec = Objects.requireNonNull(spec);
        this.pid = Objects.requireNonNull(pid);
        this.channelLog = Objects.requireNonNull(channelLog);
        this.publisher = Objects.requireNonNull(publisher);
        this.mainLog = Objects.requireNonNull(mainLog);
    }

    /** True between a BEGIN and its END. */
    public boolean isCapturing() {
        return capturing;
    }

    /** One read from the pipe ({@code handle_read_event}: append, then {@code record_output}). */
    public void feed(byte[] chunk) {
        pending = concat(pending, chunk);
        recordOutput();
    }

    private void recordOutput() {
        if (spec.captureMaxBytes() == 0) {
            byte[] data = pending; // no capture log: tokens are not interpreted
            pending = new byte[0];
            log(data);
            return;
        }
        // record_output recurses on what follows a token; a loop does the same
        while (true) {
            byte[] token = capturing ? END : BEGIN;
            if (pending.length <= token.length) {
                return; // not enough data
            }
            byte[] data = pending;
            pending = new byte[0];
            int at = indexOf(data, token);
            if (at < 0) {
                int keep = prefixAtEnd(data, token);
                if (keep > 0) {
                    pending = Arrays.copyOfRange(data, data.length - keep, data.length);
                    data = Arrays.copyOf(data, data.length - keep);
                }
                log(data);
                return;
            }
            log(Arrays.copyOf(data, at));
            toggle();
            pending = Arrays.copyOfRange(data, at + token.length, data.length);
            if (pending.length == 0) {
                return;
            }
        }
    }

    private void log(byte[] data) {
        if (data.length == 0) {
            return; // _log's "if data:"
        }
        byte[] logged = channelLog.log(data, capturing);
        if (capturing) {
            append(logged);
        }
    }

    // BoundIO.write: drop len(new) bytes from the front *before* appending when the bound would be exceeded
    private void append(byte[] data) {
        if (captured.length + data.length > spec.captureMaxBytes()) {
            captured = Arrays.copyOfRange(captured, Math.min(data.length, captured.length), captured.length);
        }
        captured = concat(captured, data);
    }

    private void toggle() {
        capturing = !capturing;
        if (capturing) {
            return;
        }
        byte[] data = captured;
        captured = new byte[0];
        publisher.accept(ProcessCommunicationEvent.of(spec.channel(), spec.processName(), spec.groupName(),
                pid.getAsInt(), data));
        mainLog.debug(PythonRepr.of(spec.processName()) + " " + spec.channel().wireName() + " emitted a comm event");
    }

    // asynchat's find_prefix_at_end: the longest proper prefix of the token the data ends with
    private static int prefixAtEnd(byte[] data, byte[] token) {
        for (int l = token.length - 1; l > 0; l--) {
            if (l <= data.length && Arrays.equals(data, data.length - l, data.length, token, 0, l)) {
                return l;
            }
        }
        return 0;
    }

    private static int indexOf(byte[] data, byte[] token) {
        outer:
        for (int i = 0; i + token.length <= data.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (data[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
