package jsupervisor.daemon.loop;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.daemon.config.GroupKind;
import jsupervisor.daemon.config.ProcessConfig;
import jsupervisor.daemon.events.CaptureMode;
import jsupervisor.daemon.events.Channel;
import jsupervisor.daemon.events.EventBus;
import jsupervisor.daemon.events.ListenerHandle;
import jsupervisor.daemon.events.ListenerPool;
import jsupervisor.daemon.events.ProcessGroupEvent;
import jsupervisor.daemon.events.ProcessLogEvent;
import jsupervisor.daemon.events.ProcessStateEvent;
import jsupervisor.daemon.events.RemoteCommunicationEvent;
import jsupervisor.daemon.events.SupervisorStateChangeEvent;
import jsupervisor.daemon.events.TickEvent;
import jsupervisor.daemon.events.TickSource;
import jsupervisor.daemon.logging.ChildLog;
import jsupervisor.daemon.process.MainLog;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.ProcessState;
import jsupervisor.daemon.process.ProcessStateChange;
import jsupervisor.daemon.process.ProcessStateListener;
import jsupervisor.daemon.process.Subprocess;

/**
 * Wires the events package into the loop (REFERENCE.md §10): every state change becomes a PROCESS_STATE event,
 * groups announce themselves, listener pools get their listeners' output and are dispatched every pass, output
 * with {@code *_events_enabled} becomes PROCESS_LOG events, ticks fire only when a pool subscribes to them, and
 * {@code sendRemoteCommEvent} publishes REMOTE_COMMUNICATION. The bus outlives reloads (its serial carries on).
 * Loop-confined.
 */
final class LoopEvents implements EventHooks, ProcessStateListener {
    private final EventBus bus;
    private final TickSource ticks;
    private final SupervisorLoop loop;
    private final String identifier;
    private final MainLog log;
    private final Map<String, ListenerPool> pools = new LinkedHashMap<>();
    private final Map<String, ListenerHandle> handles = new HashMap<>();
    /** Capture state per running child and channel, keyed "pid:stdout"; a new spawn starts afresh. */
    private final Map<String, CaptureMode> captures = new HashMap<>();

    LoopEvents(EventBus bus, TickSource ticks, SupervisorLoop loop, String identifier, MainLog log) {
        this.bus = bus;
        this.ticks = ticks;
        this.loop = loop;
        this.identifier = identifier;
        this.log = log;
    }

    /** {@code sendRemoteCommEvent}; called on the loop thread. */
    void remoteCommunication(String type, String data) {
        bus.publish(new RemoteCommunicationEvent(type, data));
    }

    @Override
    public void groupAdded(ProcessGroup group) {
        if (group.config().kind() == GroupKind.EVENTLISTENER) {
            List<ListenerHandle> listeners = group.processes().stream()
                    .map(p -> handles.computeIfAbsent(key(group.name(), p.name()), k -> new Handle(p)))
                    .toList();
            ListenerPool pool = new ListenerPool(ListenerPool.Settings.from(group.config(), identifier), listeners,
                    log);
            pools.put(group.name(), pool);
            bus.subscribe(pool); // before ADDED: a pool hears its own group's ADDED, as in Supervisor
        }
        bus.publish(ProcessGroupEvent.added(group.name()));
    }

    @Override
    public void groupRemoved(ProcessGroup group) {
        ListenerPool pool = pools.remove(group.name());
        if (pool != null) {
            bus.unsubscribe(pool);
            group.processes().forEach(p -> handles.remove(key(group.name(), p.name())));
        }
        bus.publish(ProcessGroupEvent.removed(group.name()));
    }

    @Override
    public boolean isListener(String groupName) {
        return pools.containsKey(groupName);
    }

    @Override
    public void onStateChange(ProcessStateChange change) {
        bus.publish(ProcessStateEvent.of(change));
        if (isRunning(change.from()) && !isRunning(change.to()) && change.pid() > 0) {
            captures.remove(change.pid() + ":true");
            captures.remove(change.pid() + ":false");
        }
        ListenerPool pool = pools.get(change.groupName());
        ListenerHandle handle = handles.get(key(change.groupName(), change.processName()));
        if (pool == null || handle == null) {
            return;
        }
        if (change.to() == ProcessState.STARTING) {
            pool.onSpawned(handle);
        }
    }

    @Override
    public void processFinished(String groupName, String processName) {
        ListenerPool pool = pools.get(groupName);
        if (pool != null) {
            pool.onExited(handles.get(key(groupName, processName))); // a held event goes back to the buffer's head
        }
    }

    private static boolean isRunning(ProcessState s) {
        return s == ProcessState.STARTING || s == ProcessState.RUNNING || s == ProcessState.STOPPING;
    }

    @Override
    public void output(String groupName, String processName, int pid, boolean stdout, byte[] buffer, int length,
                       ChildLog log) {
        ListenerPool pool = pools.get(groupName);
        if (pool != null && stdout) {
            // the protocol channel, read raw as Supervisor's listener dispatcher reads it
            pool.onOutput(handles.get(key(groupName, processName)), Arrays.copyOf(buffer, length));
            return;
        }
        Subprocess p = loop.find(groupName, processName);
        if (p == null) {
            return;
        }
        ProcessConfig c = p.config();
        // with redirect_stderr the data arrives on the stdout pipe and is reported as stdout, as Supervisor does;
        // a listener's stderr is an ordinary output channel, with events when stderr_events_enabled says so
        boolean enabled = stdout ? c.stdout().eventsEnabled() : c.stderr().eventsEnabled();
        if (enabled) {
            // the data as logged: Supervisor's _log strips ANSI sequences before it notifies
            bus.publish(ProcessLogEvent.of(stdout ? Channel.STDOUT : Channel.STDERR, processName, groupName, pid,
                    log.strip(Arrays.copyOf(buffer, length))));
        }
    }

    @Override
    public boolean observes(String groupName, String processName, boolean stdout) {
        boolean listener = pools.containsKey(groupName);
        if (listener && stdout) {
            return true; // the protocol channel
        }
        Subprocess p = loop.find(groupName, processName);
        if (p == null) {
            return false;
        }
        ProcessConfig c = p.config();
        return stdout ? c.stdout().eventsEnabled() : c.stderr().eventsEnabled();
    }

    @Override
    public boolean captures(String groupName, String processName, boolean stdout) {
        if (pools.containsKey(groupName) && stdout) {
            return false; // a listener's stdout is the protocol channel
        }
        Subprocess p = loop.find(groupName, processName);
        if (p == null) {
            return false;
        }
        ProcessConfig c = p.config();
        boolean redirected = c.redirectStderr();
        return (stdout || redirected ? c.stdout() : c.stderr()).captureMaxbytes() > 0;
    }

    @Override
    public void capture(String groupName, String processName, int pid, boolean stdout, byte[] buffer, int length,
                        ChildLog log) {
        Subprocess p = loop.find(groupName, processName);
        if (p == null) {
            return;
        }
        ProcessConfig c = p.config();
        Channel channel = stdout ? Channel.STDOUT : Channel.STDERR;
        boolean events = (stdout ? c.stdout() : c.stderr()).eventsEnabled();
        CaptureMode mode = captures.computeIfAbsent(pid + ":" + stdout, k -> new CaptureMode(
                new CaptureMode.Spec(processName, groupName, channel,
                        (int) Math.min(Integer.MAX_VALUE, (stdout ? c.stdout() : c.stderr()).captureMaxbytes())),
                () -> pid,
                (data, capturing) -> {
                    byte[] stripped = log.strip(data);
                    if (!capturing) {
                        log.writeToSinks(stripped);
                    }
                    log.mirror(stripped);
                    if (events) { // Supervisor notifies from _log, captured data included
                        bus.publish(ProcessLogEvent.of(channel, processName, groupName, pid, stripped));
                    }
                    return stripped;
                },
                bus::publish, this.log));
        mode.feed(Arrays.copyOf(buffer, length));
    }

    @Override
    public void afterTransitions() {
        // ticks first: Supervisor publishes them after dispatching and sends them at its next 1 s poll, but this
        // loop may sleep until the next tick is due, so a tick published after dispatch would wait a whole period
        for (TickEvent tick : ticks.tick(System.currentTimeMillis())) {
            bus.publish(tick);
        }
        for (ListenerPool pool : pools.values()) {
            pool.dispatch();
        }
    }

    @Override
    public boolean dispatchPending() {
        for (ListenerPool pool : pools.values()) {
            if (pool.canDispatch()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public long nextDueMillis() {
        return ticks.nextDueMillis(bus::isSubscribed).orElse(Long.MAX_VALUE);
    }

    @Override
    public void supervisorRunning() {
        bus.publish(SupervisorStateChangeEvent.RUNNING);
    }

    @Override
    public void supervisorStopping() {
        bus.publish(SupervisorStateChangeEvent.STOPPING);
    }

    private static String key(String group, String process) {
        return group + ":" + process;
    }

    /** A listener process as its pool sees it: name, state, and a non-blocking stdin. */
    private final class Handle implements ListenerHandle {
        private final Subprocess process;

        Handle(Subprocess process) {
            this.process = process;
        }

        @Override
        public String name() {
            return process.config().name();
        }

        @Override
        public ProcessState processState() {
            return process.state();
        }

        @Override
        public WriteResult write(byte[] envelope) {
            if (process.pid() == 0 || process.killing()) {
                return WriteResult.EPIPE;
            }
            return loop.writeStdin(process.pid(), envelope) == StdinWrite.QUEUED ? WriteResult.WRITTEN
                    : WriteResult.EPIPE;
        }
    }
}
