package jsupervisor.daemon.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jsupervisor.daemon.config.EventListenerPoolSettings;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.process.MainLog;
import jsupervisor.daemon.process.ProcessState;

/**
 * The event side of one {@code [eventlistener:x]} group: its bounded event buffer, its poolserial counter and
 * the protocol state of each listener process; dispatches buffered events to ready listeners. A port of
 * {@code supervisor/process.py EventListenerPool} ({@code _acceptEvent}, {@code dispatch},
 * {@code _dispatchEvent}, {@code handle_rejected}).
 *
 * <p>Loop-confined; one instance per pool, re-created (poolserial back to 0, buffer empty) when the group is.
 * Invariants: the buffer never holds more than {@code bufferSize} events after an accept (overflow drops the
 * oldest); each listener's protocol holds at most one event; an event leaves the buffer only when written to a
 * listener, and returns at the head when that listener rejects it, errs or dies with it.
 */
public final class ListenerPool implements EventSubscriber {

    /** A pool's settings: its name, the daemon's {@code identifier}, {@code buffer_size}, {@code events}. */
    public record Settings(String name, String identifier, int bufferSize, List<EventType> events,
                           ResultHandler resultHandler) {
        public Settings {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(identifier, "identifier");
            Objects.requireNonNull(resultHandler, "resultHandler");
            events = List.copyOf(events);
            if (bufferSize < 1) {
                throw new IllegalArgumentException("buffer_size must be at least 1, got " + bufferSize);
            }
        }

        /** The settings of an EVENTLISTENER group; the config loader has already validated names and handler. */
        public static Settings from(GroupConfig group, String identifier) {
            EventListenerPoolSettings pool = Objects.requireNonNull(group.listenerPool(), "not a listener pool");
            List<EventType> types = new ArrayList<>();
            for (String n : pool.events()) {
                types.add(EventType.fromWireName(n)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + n)));
            }
            if (!pool.resultHandler().equals(EventListenerPoolSettings.DEFAULT_RESULT_HANDLER)) {
                throw new IllegalArgumentException(pool.resultHandler() + " cannot be resolved");
            }
            return new Settings(group.name(), identifier, pool.bufferSize(), types, ResultHandler.DEFAULT);
        }
    }

    private final Settings settings;
    private final MainLog log;
    private final Map<ListenerHandle, ListenerProtocol> listeners = new IdentityHashMap<>();
    private final List<ListenerHandle> order;
    private final Deque<PostedEvent> buffer = new ArrayDeque<>();
    private final SerialCounter poolSerials = new SerialCounter();
    /** The last dispatch left events behind although a listener looked ready: every write hit EPIPE. */
    private boolean stalled;

    /** A pool over {@code listeners}, in the group's process order (dispatch tries them in that order). */
    public ListenerPool(Settings settings, List<ListenerHandle> listeners, MainLog log) {
        this.settings = Objects.requireNonNull(settings);
        this.log = Objects.requireNonNull(log);
        this.order = List.copyOf(listeners);
        for (ListenerHandle h : order) {
            register(h);
        }
    }

    private void register(ListenerHandle h) {
        ListenerProtocol protocol = new ListenerProtocol(h.name(), log, settings.resultHandler(), this::requeue);
        if (listeners.put(h, protocol) != null) {
            throw new IllegalArgumentException("listener " + h.name() + " given twice");
        }
    }

    public String name() {
        return settings.name();
    }

    /** The configured event types, in config order (what {@link EventBus#subscribe(ListenerPool)} registers). */
    public List<EventType> eventTypes() {
        return settings.events();
    }

    /**
     * Buffers an event from the bus at the tail ({@code _acceptEvent(event)}). The one exception: the output of
     * this pool's own listeners (stderr_events_enabled). Supervisor delivers it too, so a listener that writes to
     * stderr for each event it is sent feeds itself events without end.
     */
    @Override
    public void accept(PostedEvent posted) {
        if (posted.event() instanceof ProcessLogEvent own && own.groupName().equals(name())) {
            return;
        }
        buffer(posted, false);
    }

    /** The listener was (re)spawned: its protocol starts over in ACKNOWLEDGED (a new dispatcher in Python). */
    public void onSpawned(ListenerHandle listener) {
        stalled = false;
        protocol(listener).reset();
    }

    /** One read from the listener's stdout (after the loop logged it), fed to its protocol. */
    public void onOutput(ListenerHandle listener, byte[] data) {
        stalled = false;
        protocol(listener).feed(data);
    }

    /** The listener exited ({@code Subprocess.finish}): an event it held is re-queued at the head. */
    public void onExited(ListenerHandle listener) {
        stalled = false;
        protocol(listener).takeEventOnExit().ifPresent(this::requeue);
    }

    /** The protocol state of one listener. */
    public ListenerState listenerState(ListenerHandle listener) {
        return protocol(listener).state();
    }

    /** How many events wait in the buffer. */
    public int bufferedCount() {
        return buffer.size();
    }

    /** The buffered events, oldest first (a copy). */
    public List<PostedEvent> buffered() {
        return List.copyOf(buffer);
    }

    /**
     * The dispatch half of {@code EventListenerPool.transition}, called once per loop pass after the pool's
     * processes have transitioned: if any listener is RUNNING and READY, send the oldest events, one per ready
     * listener, until the buffer is empty or nobody can take one (then the event goes back to the head).
     */
    public void dispatch() {
        stalled = false;
        if (!anyDispatchCapable()) {
            return;
        }
        while (!buffer.isEmpty()) {
            PostedEvent next = buffer.pollFirst();
            if (!dispatchOne(next)) {
                buffer(next, true); // logs "rebuffering", as Supervisor does for its own failed dispatch
                stalled = anyDispatchCapable(); // still "ready": each write hit EPIPE
                return;
            }
        }
    }

    /**
     * True when {@link #dispatch} would send something now: an event is buffered and a listener is RUNNING and
     * READY. The loop must not go to sleep in that state, whatever published the event after this pass's
     * dispatch (a signal, a command, the end of a pass). False after a dispatch whose every write hit EPIPE,
     * until a listener writes, exits or is spawned: retrying at once would only spin.
     */
    public boolean canDispatch() {
        return !stalled && !buffer.isEmpty() && anyDispatchCapable();
    }

    private boolean anyDispatchCapable() {
        for (ListenerHandle h : order) {
            if (h.processState() == ProcessState.RUNNING && listeners.get(h).state() == ListenerState.READY) {
                return true;
            }
        }
        return false;
    }

    private boolean dispatchOne(PostedEvent posted) {
        for (ListenerHandle h : order) {
            ListenerProtocol protocol = listeners.get(h);
            if (h.processState() != ProcessState.RUNNING || protocol.state() != ListenerState.READY) {
                continue;
            }
            Envelope envelope = Envelope.of(settings.identifier(), posted, settings.name());
            if (h.write(envelope.bytes()) == ListenerHandle.WriteResult.EPIPE) {
                log.debug("epipe occurred while sending event " + posted.serial() + " to listener " + h.name()
                        + ", listener state unchanged");
                continue;
            }
            protocol.sent(posted);
            log.debug("event " + posted.serial() + " sent to listener " + h.name());
            return true;
        }
        return false;
    }

    private void requeue(PostedEvent posted) {
        buffer(posted, true); // handle_rejected: rebuffer at the head
    }

    // _acceptEvent(event, head)
    private void buffer(PostedEvent posted, boolean head) {
        if (posted.poolSerial(settings.name()).isEmpty()) {
            posted.assignPoolSerial(settings.name(), poolSerials.next());
        } else {
            log.debug("rebuffering event " + posted.serial() + " for pool " + settings.name() + " (buf size="
                    + buffer.size() + ", max=" + settings.bufferSize() + ")");
        }
        if (buffer.size() >= settings.bufferSize()) {
            PostedEvent discarded = buffer.pollFirst(); // the oldest, even when the newcomer goes to the head
            log.log(LoggingLevel.ERROR, "pool " + settings.name()
                    + " event buffer overflowed, discarding event " + discarded.serial());
        }
        if (head) {
            buffer.addFirst(posted);
        } else {
            buffer.addLast(posted);
        }
    }

    private ListenerProtocol protocol(ListenerHandle listener) {
        ListenerProtocol p = listeners.get(listener);
        if (p == null) {
            throw new IllegalArgumentException(listener.name() + " is not a listener of pool " + settings.name());
        }
        return p;
    }

    /** Test hook: the next poolserial will follow {@code last}. */
    void setLastPoolSerial(int last) {
        poolSerials.setLast(last);
    }
}
