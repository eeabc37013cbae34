package jsupervisor.daemon.events;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import jsupervisor.daemon.process.MainLog;

/**
 * The event listener protocol state machine of one listener process, fed with the bytes the listener writes
 * on stdout. A port of {@code supervisor/dispatchers.py PEventListenerDispatcher.handle_listener_state_change}
 * and {@code handle_result}, token for token and log line for log line.
 *
 * <p>Loop-confined; owned by the {@link ListenerPool} of its process. Invariants: an event is held exactly while
 * the state is BUSY (or, after the process died BUSY, until {@link #takeEventOnExit}); UNKNOWN discards all
 * further output until {@link #reset}; a rejected event is handed to the re-queue callback exactly once.
 */
public final class ListenerProtocol {
    private static final byte[] READY_TOKEN = "READY\n".getBytes(StandardCharsets.US_ASCII);
    /** {@code RESULT_TOKEN_START_LEN}: these many leading bytes of the result line are dropped, unchecked. */
    private static final int RESULT_TOKEN_START_LEN = 7;
    private static final long NO_LENGTH = Long.MIN_VALUE;

    private final String name;
    private final MainLog log;
    private final ResultHandler resultHandler;
    private final Consumer<PostedEvent> requeue;

    private ListenerState state = ListenerState.ACKNOWLEDGED;
    private PostedEvent event;
    private byte[] buffer = new byte[0]; // state_buffer
    private final ByteArrayOutputStream result = new ByteArrayOutputStream();
    private long resultLength = NO_LENGTH; // resultlen; NO_LENGTH is Python's None

    /**
     * @param name    the process name, printed in the log lines
     * @param requeue receives an event the listener rejected or failed on (the pool re-queues it at the head)
     */
    public ListenerProtocol(String name, MainLog log, ResultHandler resultHandler, Consumer<PostedEvent> requeue) {
        this.name = Objects.requireNonNull(name);
        this.log = Objects.requireNonNull(log);
        this.resultHandler = Objects.requireNonNull(resultHandler);
        this.requeue = Objects.requireNonNull(requeue);
    }

    public ListenerState state() {
        return state;
    }

    /** The event this listener holds (BUSY), if any. */
    public Optional<PostedEvent> event() {
        return Optional.ofNullable(event);
    }

    /**
     * Back to ACKNOWLEDGED with empty buffers, silently: a new {@code PEventListenerDispatcher} is made at every
     * spawn and sets {@code listener_state} without a log line.
     */
    public void reset() {
        state = ListenerState.ACKNOWLEDGED;
        event = null;
        buffer = new byte[0];
        result.reset();
        resultLength = NO_LENGTH;
    }

    /** The pool wrote {@code posted} to this listener: BUSY, silently ({@code _dispatchEvent} assigns the state). */
    void sent(PostedEvent posted) {
        if (state != ListenerState.READY) {
            throw new IllegalStateException(name + " is " + state + ", only a READY listener is sent events");
        }
        state = ListenerState.BUSY;
        event = posted;
    }

    /** The process died: hands back the event it held, if any ({@code Subprocess.finish}); state is unchanged. */
    public Optional<PostedEvent> takeEventOnExit() {
        PostedEvent held = event;
        event = null;
        return Optional.ofNullable(held);
    }

    /** Processes one read from the listener's stdout; several tokens in one read are handled in sequence. */
    public void feed(byte[] data) {
        if (data.length > 0) {
            byte[] joined = Arrays.copyOf(buffer, buffer.length + data.length);
            System.arraycopy(data, 0, joined, buffer.length, data.length);
            buffer = joined;
        }
        // handle_listener_state_change recurses "while the buffer is not empty"; a loop does the same
        while (buffer.length > 0) {
            boolean more = switch (state) {
                case UNKNOWN -> discardAll();
                case ACKNOWLEDGED -> expectReady();
                case READY -> spurious();
                case BUSY -> resultLength == NO_LENGTH ? readResultLine() : readResultBody();
            };
            if (!more) {
                return;
            }
        }
    }

    private boolean discardAll() {
        buffer = new byte[0]; // UNKNOWN is fatal: drop everything
        return false;
    }

    private boolean expectReady() {
        if (buffer.length < READY_TOKEN.length) {
            return false; // not enough to decide
        }
        if (Arrays.equals(buffer, 0, READY_TOKEN.length, READY_TOKEN, 0, READY_TOKEN.length)) {
            change(ListenerState.READY); // ACKNOWLEDGED -> READY
            consume(READY_TOKEN.length);
        } else {
            change(ListenerState.UNKNOWN); // ACKNOWLEDGED -> UNKNOWN
            buffer = new byte[0];
        }
        event = null;
        return true;
    }

    private boolean spurious() {
        change(ListenerState.UNKNOWN); // READY -> UNKNOWN: data while READY is a violation
        buffer = new byte[0];
        event = null;
        return false;
    }

    private boolean readResultLine() {
        int pos = indexOfNewline();
        if (pos < 0) {
            return false; // no complete result line yet
        }
        byte[] line = Arrays.copyOf(buffer, pos);
        consume(pos + 1);
        OptionalLong length = PythonInt.parse(line, Math.min(RESULT_TOKEN_START_LEN, line.length), line.length);
        if (length.isEmpty()) {
            log.warn(name + ": bad result line: '" + EventData.render(line) + "'");
            change(ListenerState.UNKNOWN); // BUSY -> UNKNOWN
            buffer = new byte[0];
            reject();
            return false;
        }
        resultLength = length.getAsLong();
        return true;
    }

    private boolean readResultBody() {
        if (resultLength < 0) {
            // Supervisor's slicing never completes a negative length and its dispatcher dies of RecursionError;
            // the observable effect, a listener stuck BUSY whose output is ignored, is kept without the crash
            buffer = new byte[0];
            return false;
        }
        long needed = resultLength - result.size();
        if (needed > 0) {
            int take = (int) Math.min(needed, buffer.length);
            result.write(buffer, 0, take);
            consume(take);
            needed -= take;
        }
        if (needed == 0) {
            handleResult(result.toByteArray());
            event = null;
            result.reset();
            resultLength = NO_LENGTH;
        }
        return true;
    }

    private void handleResult(byte[] response) {
        ResultHandler.Verdict verdict;
        try {
            verdict = resultHandler.handle(event.event(), response);
        } catch (RuntimeException e) {
            log.warn(name + ": event caused an error");
            change(ListenerState.UNKNOWN); // BUSY -> UNKNOWN
            reject();
            return;
        }
        if (verdict == ResultHandler.Verdict.ACCEPT) {
            log.debug(name + ": event was processed");
            change(ListenerState.ACKNOWLEDGED); // BUSY -> ACKNOWLEDGED
        } else {
            log.warn(name + ": event was rejected");
            change(ListenerState.ACKNOWLEDGED); // BUSY -> ACKNOWLEDGED
            reject();
        }
    }

    private void reject() {
        PostedEvent rejected = event;
        event = null;
        if (rejected != null) {
            requeue.accept(rejected); // notify(EventRejectedEvent(process, event)) -> pool.handle_rejected
        }
    }

    private void change(ListenerState next) {
        log.debug(name + ": " + state + " -> " + next); // _change_listener_state
        state = next;
        if (next == ListenerState.UNKNOWN) {
            log.warn(name + ": has entered the UNKNOWN state and will no longer receive events, this usually "
                    + "indicates the process violated the eventlistener protocol");
        }
    }

    private int indexOfNewline() {
        for (int i = 0; i < buffer.length; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void consume(int n) {
        buffer = Arrays.copyOfRange(buffer, n, buffer.length);
    }
}
