package jsupervisor.daemon.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.logging.LogLevel;
import jsupervisor.daemon.posix.Epoll;
import jsupervisor.daemon.posix.EventFd;
import jsupervisor.daemon.posix.Fd;
import jsupervisor.daemon.posix.PidFd;
import jsupervisor.daemon.posix.SignalFd;
import jsupervisor.daemon.posix.SpawnResult;
import jsupervisor.daemon.posix.WaitStatus;
import jsupervisor.daemon.process.ExitStatus;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.SpawnSpec;
import jsupervisor.daemon.process.Subprocess;

/**
 * The one loop that owns every process, group, pipe and timer. It blocks in epoll on the children's pipes and
 * pidfds, an eventfd for work posted by other threads, and (when the JVM leaves them to us) a signalfd, with
 * the timeout of the nearest process deadline: no polling and no periodic wake-ups. A child's exit is seen
 * through its pidfd the moment it happens, its remaining output is drained, and the state machine runs for it
 * at once, so a crashed child is respawned within the same pass.
 *
 * <p>Loop-confined: only {@link #submit} and {@link #signals()} may be used from other threads. A handler that
 * throws is logged and the loop goes on.
 */
public final class SupervisorLoop implements ChildRegistry, AutoCloseable {
    private static final int KIND_PIDFD = 0;
    private static final int KIND_STDOUT = 1;
    private static final int KIND_STDERR = 2;
    private static final int KIND_STDIN = 3;
    private static final long TOKEN_WAKEUP = -1;
    private static final long TOKEN_SIGNALFD = -2;

    private final Epoll epoll = Epoll.open(256);
    private final EventFd wakeup = EventFd.open();
    private final StdinWriter stdinWriter = new StdinWriter(epoll, KIND_STDIN);
    private final SignalQueue signals = new SignalQueue(wakeup);
    private final SignalFd signalFd;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final DaemonLog log;
    private final boolean stripAnsi;
    private final Map<Integer, ChildIo> children = new HashMap<>();
    private final Map<String, ProcessLogs> logs = new HashMap<>();
    /** Ascending priority, stably over the order they were added: the order of each pass's transitions. */
    private final List<ProcessGroup> groups = new ArrayList<>();
    /**
     * The order they were added (Supervisor's {@code process_groups} dict): a group re-added by update comes
     * last. Shutdown reports and config diffs list groups in this order.
     */
    private final List<ProcessGroup> inOrderAdded = new ArrayList<>();
    /** The same groups by name: a child's output and spawn look their process up on every read. */
    private final Map<String, ProcessGroup> groupsByName = new HashMap<>();
    private final OutputPacing pacing = new OutputPacing(epoll);
    private final ParallelSpawns parallelSpawns = new ParallelSpawns();
    private SpawnBatching spawnBatching = SpawnBatching.NONE;
    private OutputDrain drain = new OutputDrain(epoll, pacing, EventHooks.NONE);
    private final Shutdown shutdown;
    private final Thread owner = Thread.currentThread();
    private SupervisorStateCode mood = SupervisorStateCode.RUNNING;
    private EventHooks hooks = EventHooks.NONE;
    /** PID 1 (a container's init) must reap the orphans reparented to it; see {@link #reapOrphans()}. */
    private final boolean orphanReaper;
    private boolean orphansMayWait;

    /**
     * @param signalFd the signals the JVM left blocked for us (all of HUP INT QUIT TERM USR2), or null when
     *                 they arrive through {@link #signals()}
     */
    public SupervisorLoop(DaemonLog log, boolean stripAnsi, SignalFd signalFd) {
        this(log, stripAnsi, signalFd, false);
    }

    /** @param orphanReaper true when this process is PID 1 and receives SIGCHLD through {@code signalFd} */
    public SupervisorLoop(DaemonLog log, boolean stripAnsi, SignalFd signalFd, boolean orphanReaper) {
        this.orphanReaper = orphanReaper;
        this.log = log;
        this.stripAnsi = stripAnsi;
        this.signalFd = signalFd;
        this.shutdown = new Shutdown(log);
        epoll.add(wakeup.fd(), Epoll.IN, TOKEN_WAKEUP);
        if (signalFd != null) {
            epoll.add(signalFd.fd(), Epoll.IN, TOKEN_SIGNALFD);
        }
    }

    /** Where events are told what happens; set once, before any group is added. */
    void setEventHooks(EventHooks hooks) {
        this.hooks = hooks;
        this.drain = new OutputDrain(epoll, pacing, hooks);
    }

    /** The spawns of each pass's transitions go through {@code batching}; set once, before any group is added. */
    void setSpawnBatching(SpawnBatching batching) {
        this.spawnBatching = batching;
    }

    ParallelSpawns parallelSpawns() {
        return parallelSpawns;
    }

    /** Adds a group; its processes are started by the next pass if autostart says so. */
    public void addGroup(ProcessGroup group) {
        assert inLoopThread();
        // after every group of the same or a lower priority: the order a stable sort by priority only gives,
        // as Supervisor sorts its groups at run time, without sorting the whole list for each of a thousand adds
        int at = groups.size();
        while (at > 0 && groups.get(at - 1).priority() > group.priority()) {
            at--;
        }
        groups.add(at, group);
        inOrderAdded.add(group);
        groupsByName.put(group.name(), group);
        hooks.groupAdded(group);
    }

    /** Removes a group whose processes have all stopped (reread/update); its child logs are closed. */
    public void removeGroup(ProcessGroup group) {
        assert inLoopThread();
        groups.remove(group);
        inOrderAdded.remove(group);
        groupsByName.remove(group.name(), group);
        hooks.groupRemoved(group);
        for (Subprocess p : group.processes()) {
            ProcessLogs pl = logs.remove(logKey(group.name(), p.name()));
            if (pl != null) {
                pl.close();
            }
        }
    }

    /** Queues {@code data} for the stdin of the child with this pid ({@code sendProcessStdin}). */
    public StdinWrite writeStdin(int pid, byte[] data) {
        assert inLoopThread();
        ChildIo child = children.get(pid);
        return child == null ? StdinWrite.NOT_RUNNING : stdinWriter.write(child, data);
    }

    /**
     * Empties the logs of the running child with this pid ({@code removelogs}); a process without a running
     * child has no dispatchers in Supervisor, so there is nothing to clear.
     */
    public void clearChildLogs(int pid) throws java.io.IOException {
        assert inLoopThread();
        ChildIo child = children.get(pid);
        if (child != null) {
            if (child.stdout != null) {
                child.stdout.log.clear();
            }
            if (child.stderr != null && (child.stdout == null || child.stderr.log != child.stdout.log)) {
                child.stderr.log.clear();
            }
        }
    }

    /** The active groups in the order they were added. */
    public List<ProcessGroup> groups() {
        return List.copyOf(inOrderAdded);
    }

    public SupervisorStateCode mood() {
        return mood;
    }

    public boolean inLoopThread() {
        return Thread.currentThread() == owner;
    }

    /** Runs {@code command} on the loop thread at its next pass. Thread-safe. */
    public void submit(Runnable command) {
        commands.add(command);
        wakeup.signal();
    }

    /** Where signal handlers queue signals. Thread-safe. */
    void queueSignal(int signal) {
        signals.add(signal);
    }

    /** Starts an orderly shutdown (mood SHUTDOWN), or a restart (mood RESTARTING). */
    public void requestStop(SupervisorStateCode newMood) {
        assert inLoopThread();
        if (mood.code() > newMood.code()) {
            if (mood == SupervisorStateCode.RUNNING) {
                hooks.supervisorStopping();
            }
            mood = newMood;
        }
    }

    /** Runs passes until every process has stopped after a shutdown or restart request; returns the mood. */
    public SupervisorStateCode run() {
        hooks.supervisorRunning();
        while (true) {
            runOnce();
            if (stopComplete()) {
                return mood;
            }
        }
    }

    /** One pass: wait for I/O or the nearest deadline, dispatch, reap, transition, signals, commands. */
    public void runOnce() {
        if (mood != SupervisorStateCode.RUNNING) {
            shutdown.step(inOrderAdded);
        }
        int ready = epoll.waitFor(timeoutMillis());
        pacing.release(System.nanoTime());
        List<ChildIo> exited = new ArrayList<>();
        for (int i = 0; i < ready; i++) {
            long token = epoll.token(i);
            guarded("dispatch", () -> dispatch(token, exited));
        }
        for (ChildIo child : exited) {
            guarded("reap pid " + child.pid, () -> reap(child));
        }
        if (orphanReaper && (orphansMayWait || !exited.isEmpty())) {
            guarded("reap orphans", this::reapOrphans);
        }
        spawnBatching.open();
        for (ProcessGroup g : groups) {
            // not guarded(): a label made for each of a thousand groups on every pass would be wasted work
            try {
                g.transition();
            } catch (RuntimeException | AssertionError e) {
                uncaught("transition " + g.name(), e);
            }
        }
        guarded("spawns", spawnBatching::flush); // the spawns these transitions asked for, several at once
        guarded("events", hooks::afterTransitions);
        for (int signal : signals.drain()) {
            guarded("signal " + signal, () -> handleSignal(signal));
        }
        Runnable command;
        while ((command = commands.poll()) != null) {
            guarded("command", command);
        }
    }

    private boolean stopComplete() {
        return mood != SupervisorStateCode.RUNNING && shutdown.finished(inOrderAdded) && children.isEmpty();
    }

    private int timeoutMillis() {
        // an event published after this pass's dispatch (by a signal or a command) goes out at once, not when
        // something else happens to wake the loop
        if (!commands.isEmpty() || stopComplete() || hooks.dispatchPending()
                || (mood != SupervisorStateCode.RUNNING && shutdown.nextLevelDue())) {
            return 0;
        }
        long now = System.nanoTime();
        long nearest = Long.MAX_VALUE;
        for (ProcessGroup g : groups) {
            OptionalLong d = g.nextDeadline();
            if (d.isPresent()) {
                nearest = Math.min(nearest, d.getAsLong());
            }
        }
        if (mood != SupervisorStateCode.RUNNING && !children.isEmpty()) {
            nearest = Math.min(nearest, shutdown.nextReportNanos());
        }
        nearest = Math.min(nearest, pacing.nextDueNanos());
        long tickDue = hooks.nextDueMillis();
        if (tickDue != Long.MAX_VALUE) {
            nearest = Math.min(nearest, now + Math.max(0, tickDue - System.currentTimeMillis()) * 1_000_000);
        }
        if (nearest == Long.MAX_VALUE) {
            return -1;
        }
        long waitNanos = nearest - now;
        if (waitNanos <= 0) {
            return 0;
        }
        // round up so that a deadline is never missed by a millisecond and the loop does not spin
        return (int) Math.min(Integer.MAX_VALUE, (waitNanos + 999_999) / 1_000_000);
    }

    private void dispatch(long token, List<ChildIo> exited) {
        if (token == TOKEN_WAKEUP) {
            wakeup.drain();
            return;
        }
        if (token == TOKEN_SIGNALFD) {
            signalFd.read().ifPresent(r -> {
                if (r.signal() == jsupervisor.daemon.posix.Signals.SIGCHLD) {
                    orphansMayWait = true;
                }
                signals.add(r.signal());
            });
            return;
        }
        int pid = (int) (token >>> 2);
        int kind = (int) (token & 3);
        ChildIo child = children.get(pid);
        if (child == null) {
            return;
        }
        switch (kind) {
            case KIND_PIDFD -> {
                if (!child.exited) {
                    if (exited.isEmpty() && !orphanReaper) {
                        // Supervisor learns of exits from SIGCHLD and says so once per pass; as PID 1 we do
                        // receive SIGCHLD, and handleSignal says it
                        log.debug("received SIGCHLD indicating a child quit");
                    }
                    child.exited = true;
                    exited.add(child);
                }
            }
            case KIND_STDOUT -> drain.drain(child.stdout, System.nanoTime());
            case KIND_STDERR -> drain.drain(child.stderr, System.nanoTime());
            case KIND_STDIN -> {
                if (child.stdin != null && child.stdin.isOpen()) {
                    stdinWriter.flush(child);
                }
            }
            default -> throw new IllegalStateException("bad token kind " + kind);
        }
    }

    private void reap(ChildIo child) {
        // whatever the child wrote before it died goes to its log first (zero loss)
        drain.drainToEnd(child.stdout);
        drain.drainToEnd(child.stderr);
        WaitStatus status = child.pidFd.reap().orElse(null);
        if (status == null) {
            child.exited = false; // spurious wake-up: not reapable yet
            return;
        }
        closeChild(child);
        Subprocess process = find(child.groupName, child.processName);
        if (process != null && process.pid() == child.pid) {
            // Supervisor runs transition() before reaping in each pass, so a child that outlived startsecs is
            // promoted (and logs its success line) before its exit is handled; keep that order
            if (process.state() == jsupervisor.daemon.process.ProcessState.STARTING) {
                process.transition();
            }
            process.finish(toExitStatus(status));
            child.releaseLease(); // Supervisor logs "stopped: x" before "Closing socket <url>"
            hooks.processFinished(child.groupName, child.processName);
            process.transition(); // respawn now if the rules allow, not at the next tick
        } else {
            child.releaseLease();
        }
    }

    /**
     * As PID 1, reaps exited processes that are not our children (orphans reparented to us), never one of ours:
     * those are reaped through their pidfds so their status reaches the state machine.
     */
    private void reapOrphans() {
        orphansMayWait = false;
        for (int i = 0; i < 10_000; i++) {
            Optional<WaitStatus> orphan = PidFd.reapOrphan(children::containsKey);
            if (orphan.isEmpty()) {
                return;
            }
            log.info("reaped unknown pid " + orphan.get().pid() + " (" + toExitStatus(orphan.get()).message() + ")");
        }
    }

    private void closeChild(ChildIo child) {
        children.remove(child.pid);
        stdinWriter.unwatch(child);
        for (OutputPipe pipe : new OutputPipe[] {child.stdout, child.stderr}) {
            if (pipe != null && pipe.fd != null && !pipe.parked) {
                epoll.delete(pipe.fd);
            }
        }
        if (child.pidFd.fd().isOpen()) {
            epoll.delete(child.pidFd.fd());
        }
        child.close();
    }

    private static ExitStatus toExitStatus(WaitStatus s) {
        return switch (s.kind()) {
            case EXITED -> new ExitStatus.Exited(s.exitCode());
            case KILLED -> new ExitStatus.Killed(s.signal(), s.coreDumped());
            case LOST -> new ExitStatus.Exited(0); // someone else reaped it; Supervisor would not know either
        };
    }

    Subprocess find(String group, String process) {
        ProcessGroup g = groupsByName.get(group);
        return g == null ? null : g.process(process).orElse(null);
    }

    /** The active group of that name, if any. */
    public Optional<ProcessGroup> group(String name) {
        return Optional.ofNullable(groupsByName.get(name));
    }

    /** The key of a process's logs in {@link #logs}. */
    private static String logKey(String group, String process) {
        return group + ":" + process;
    }

    private static String logKey(SpawnSpec spec) {
        return logKey(spec.groupName(), spec.processName());
    }

    @Override
    public String openLogs(SpawnSpec spec) {
        String key = logKey(spec);
        if (logs.containsKey(key)) {
            return null;
        }
        try {
            logs.put(key, ProcessLogs.open(spec, stripAnsi, log, hooks.isListener(spec.groupName())));
            return null;
        } catch (LogOpenFailure e) {
            return e.spawnError(spec.processName());
        }
    }

    @Override
    public void register(SpawnSpec spec, SpawnResult.Spawned child, AutoCloseable lease) {
        ProcessLogs pl = logs.get(logKey(spec));
        if (pl == null) {
            throw new IllegalStateException("spawned " + logKey(spec) + " without opening its logs first");
        }
        ChildIo io = new ChildIo(spec.groupName(), spec.processName(), child.pid(), child.pidFd(), child.stdin(),
                lease);
        long base = (long) child.pid() << 2;
        if (child.stdout() != null) {
            io.stdout = new OutputPipe(io, true, base | KIND_STDOUT, child.stdout(), pl.stdout,
                    hooks.captures(spec.groupName(), spec.processName(), true),
                    hooks.observes(spec.groupName(), spec.processName(), true));
        }
        if (child.stderr() != null) {
            io.stderr = new OutputPipe(io, false, base | KIND_STDERR, child.stderr(),
                    pl.stderr == null ? pl.stdout : pl.stderr,
                    hooks.captures(spec.groupName(), spec.processName(), false),
                    hooks.observes(spec.groupName(), spec.processName(), false));
        }
        children.put(child.pid(), io);
        epoll.add(child.pidFd().fd(), Epoll.IN, base | KIND_PIDFD);
        for (OutputPipe pipe : new OutputPipe[] {io.stdout, io.stderr}) {
            if (pipe != null) {
                epoll.add(pipe.fd, Epoll.IN, pipe.token);
            }
        }
    }

    @Override
    public boolean readsOutput(SpawnSpec spec, boolean stdout) {
        ChannelConfig channel = stdout || spec.redirectStderr() ? spec.stdout() : spec.stderr();
        return channel.logfile().kind() != LogTarget.Kind.NONE || channel.syslog() || channel.eventsEnabled()
                || channel.captureMaxbytes() > 0 || hooks.isListener(spec.groupName())
                || log.isEnabled(LogLevel.DEBG);
    }

    private void handleSignal(int signal) {
        String name = jsupervisor.daemon.posix.Signals.name(signal);
        switch (signal) {
            case jsupervisor.daemon.posix.Signals.SIGTERM, jsupervisor.daemon.posix.Signals.SIGINT,
                 jsupervisor.daemon.posix.Signals.SIGQUIT -> {
                log.warn("received " + name + " indicating exit request");
                requestStop(SupervisorStateCode.SHUTDOWN);
            }
            case jsupervisor.daemon.posix.Signals.SIGHUP -> {
                if (mood == SupervisorStateCode.SHUTDOWN) {
                    log.warn("ignored SIGHUP indicating restart request (shutdown in progress)");
                } else {
                    log.warn("received SIGHUP indicating restart request");
                    requestStop(SupervisorStateCode.RESTARTING);
                }
            }
            case jsupervisor.daemon.posix.Signals.SIGUSR2 -> {
                log.info("received SIGUSR2 indicating log reopen request");
                log.reopen();
                logs.values().forEach(ProcessLogs::reopen);
            }
            case jsupervisor.daemon.posix.Signals.SIGCHLD -> log.debug("received SIGCHLD indicating a child quit");
            default -> log.blather("received " + name + " (ignored)");
        }
    }

    private void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | AssertionError e) {
            uncaught(what, e);
        }
    }

    /** Logs a handler's bug; the loop never dies of one (Supervisor's handle_error). */
    private void uncaught(String what, Throwable e) {
        log.critical("uncaught exception in " + what + ": " + e);
    }

    /** Closes the loop's own fds and the child logs; every child must have been reaped. */
    @Override
    public void close() {
        for (ChildIo child : List.copyOf(children.values())) {
            closeChild(child);
            child.releaseLease();
        }
        logs.values().forEach(ProcessLogs::close);
        logs.clear();
        parallelSpawns.close();
        wakeup.close();
        epoll.close();
    }

    SignalQueue signals() {
        return signals;
    }
}
