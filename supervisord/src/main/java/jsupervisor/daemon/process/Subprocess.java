package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.ProcessState.BACKOFF;
import static jsupervisor.daemon.process.ProcessState.EXITED;
import static jsupervisor.daemon.process.ProcessState.FATAL;
import static jsupervisor.daemon.process.ProcessState.RUNNING;
import static jsupervisor.daemon.process.ProcessState.STARTING;
import static jsupervisor.daemon.process.ProcessState.STOPPED;
import static jsupervisor.daemon.process.ProcessState.STOPPING;
import static jsupervisor.daemon.process.ProcessState.UNKNOWN;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.config.ProcessConfig;

/**
 * The state machine of one supervised process; mirrors {@code supervisor/process.py Subprocess}.
 *
 * <p>Loop-confined: every method must be called on the supervisor loop thread; there are no locks. The
 * loop drives it with {@link #transition()} on every pass and right after a reap, {@link #finish} when the
 * child is reaped (after draining its output), and {@link #nextDeadline()} to size its poll timeout, so a
 * time-based step (backoff retry, startsecs, SIGKILL escalation, autorestart) happens on time rather than
 * at the next 1 s tick.
 *
 * <p>Invariants: {@code pid != 0} exactly while a spawned child has not been reaped (STARTING, RUNNING,
 * STOPPING, or UNKNOWN after a failed kill); {@code killing} only in STOPPING; {@code delayNanos} is
 * meaningful only in BACKOFF (retry time) and STOPPING (SIGKILL time). Deadlines use the monotonic clock;
 * {@code laststart}/{@code laststop} are wall seconds, for reporting only.
 *
 * <p>Why one file of this size: the spawn, exit and kill paths share the same private fields and
 * Supervisor keeps them in one class; splitting them would need accessors that break the confinement story.
 */
public final class Subprocess {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long STOP_REPORT_INTERVAL_NANOS = 2 * NANOS_PER_SECOND;

    private final ProcessConfig config;
    private final String groupName;
    private final ProcessServices services;
    private final MainLog log;
    private final Clock clock;

    private ProcessState state = STOPPED;
    private int pid;
    private boolean everStarted;
    private long laststart;
    private long laststop;
    private long laststartNanos;
    private long delayNanos;
    private Long lastStopReportNanos;
    private boolean killing;
    private int backoff;
    private Integer exitstatus;
    private String spawnerr;

    public Subprocess(ProcessConfig config, String groupName, ProcessServices services) {
        this.config = config;
        this.groupName = groupName;
        this.services = services;
        this.log = services.log();
        this.clock = services.clock();
    }

    // ---------------------------------------------------------------- spawning

    /**
     * Starts the child; mirrors {@code Subprocess.spawn}. A failure before a child exists sets
     * {@link #spawnerr()} and moves to BACKOFF at once.
     *
     * @return the new pid, or 0 if no child was started (yet: a spawn batched by the loop completes at the end of
     *     its pass)
     * @throws IllegalStateException if the state is not EXITED, FATAL, BACKOFF or STOPPED (and no pid is set)
     */
    public int spawn() {
        String name = config.name();
        if (pid != 0) {
            log.warn("process '" + name + "' already running");
            return 0;
        }
        killing = false;
        spawnerr = null;
        exitstatus = null;
        everStarted = true;
        laststart = clock.wallSeconds();
        laststartNanos = clock.monotonicNanos();
        assertInState(EXITED, FATAL, BACKOFF, STOPPED);
        changeState(STARTING); // EXITED/FATAL/BACKOFF/STOPPED -> STARTING
        ResolvedCommand resolved = services.resolver().resolve(config);
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (resolved instanceof ResolvedCommand.Rejected r) {
            services.spawner().fail(new SpawnResult.Failed(r.message()), this::spawned);
            return 0;
        }
        services.spawner().spawn(specFor((ResolvedCommand.Runnable) resolved), this::spawned);
        return pid; // 0 until a batched spawn completes, at the end of the loop pass
    }

    private void spawned(SpawnResult result) {
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (result instanceof SpawnResult.Failed f) {
            spawnFailed(f.message());
            return;
        }
        pid = ((SpawnResult.Spawned) result).pid();
        log.info("spawned: '" + config.name() + "' with pid " + pid);
        spawnerr = null;
    }

    private int spawnFailed(String message) {
        recordSpawnerr(message);
        assertInState(STARTING);
        changeState(BACKOFF); // STARTING -> BACKOFF
        return 0;
    }

    private void recordSpawnerr(String message) {
        spawnerr = message;
        log.info("spawnerr: " + message);
    }

    private SpawnSpec specFor(ResolvedCommand.Runnable cmd) {
        return new SpawnSpec(config.name(), groupName, cmd.filename(), cmd.argv(),
                services.environment().build(config, groupName), config.directory(), config.umask(),
                config.uid(), config.user(), config.redirectStderr(), config.stdout(), config.stderr());
    }

    /** Parses and checks the command without spawning (startProcess's pre-check, {@code get_execv_args}). */
    public ResolvedCommand checkCommand() {
        return services.resolver().resolve(config);
    }

    // ---------------------------------------------------------------- the loop's steps

    /**
     * One state-machine step; mirrors {@code Subprocess.transition}. Like Supervisor, the state seen on entry
     * decides the second half, so a BACKOFF retry that fails again can give up in the same step, while a
     * process restarted in this step is not promoted to RUNNING in it.
     */
    public void transition() {
        long now = clock.monotonicNanos();
        ProcessState entered = state;
        if (services.startsAllowed().getAsBoolean() && wantsStart(entered, now)) {
            spawn(); // EXITED/STOPPED/BACKOFF -> STARTING
        }
        if (entered == STARTING && now - laststartNanos > seconds(config.startsecs())) {
            delayNanos = 0;
            backoff = 0;
            changeState(RUNNING); // STARTING -> RUNNING
            log.info("success: " + config.name() + " entered RUNNING state, process has stayed up for > than "
                    + config.startsecs() + " seconds (startsecs)");
        }
        if (entered == BACKOFF) {
            if (backoff > config.startretries()) {
                giveUp(); // BACKOFF -> FATAL
                log.info("gave up: " + config.name() + " entered FATAL state, too many start retries too quickly");
            }
        } else if (entered == STOPPING && now - delayNanos >= 0) {
            // if SIGKILL does not work either, this repeats every stopwaitsecs until the child is reaped
            log.warn("killing '" + config.name() + "' (" + pid + ") with SIGKILL");
            kill(SignalName.SIGKILL);
        }
    }

    /** Whether, with starts allowed, the state {@code s} calls for a spawn now. */
    private boolean wantsStart(ProcessState s, long now) {
        return switch (s) {
            case EXITED -> autorestarts();
            case STOPPED -> !everStarted && config.autostart();
            case BACKOFF -> backoff <= config.startretries() && now - delayNanos > 0;
            default -> false;
        };
    }

    private boolean autorestarts() {
        return switch (config.autorestart()) {
            case TRUE -> true;
            case UNEXPECTED -> exitstatus == null || !config.exitcodes().contains(exitstatus);
            case FALSE -> false;
        };
    }

    /**
     * When {@link #transition()} next has something to do, in monotonic nanos: a past or present value means
     * "now"; empty means only an external event (reap, RPC) can move this process.
     */
    public OptionalLong nextDeadline() {
        boolean startsAllowed = services.startsAllowed().getAsBoolean();
        long now = clock.monotonicNanos();
        return switch (state) {
            case STARTING -> OptionalLong.of(laststartNanos + seconds(config.startsecs()) + 1);
            case STOPPING -> OptionalLong.of(delayNanos);
            case BACKOFF -> backoff > config.startretries() ? OptionalLong.of(now)
                    : startsAllowed ? OptionalLong.of(delayNanos + 1) : OptionalLong.empty();
            case EXITED, STOPPED -> startsAllowed && wantsStart(state, now) ? OptionalLong.of(now)
                    : OptionalLong.empty();
            case RUNNING, FATAL, UNKNOWN -> OptionalLong.empty();
        };
    }

    /**
     * The child was reaped; mirrors {@code Subprocess.finish}. The caller drains the child's pipes first and
     * removes its pid from the pid table.
     */
    public void finish(ExitStatus status) {
        long now = clock.monotonicNanos();
        laststop = clock.wallSeconds();
        boolean tooQuickly = now - laststartNanos < seconds(config.startsecs());
        boolean expected = config.exitcodes().contains(status.exitstatus());
        if (killing) {
            finishStopped(status, expected);
        } else if (state == UNKNOWN) {
            // Supervisor would fail an assertion here; keep the process UNKNOWN but forget the dead pid
            exitstatus = status.exitstatus();
        } else if (tooQuickly) {
            exitstatus = null;
            spawnerr = "Exited too quickly (process log may have details)";
            assertInState(STARTING);
            changeState(BACKOFF); // STARTING -> BACKOFF, never "expected" whatever the code
            log.warn("exited: " + config.name() + " (" + status.message() + "; not expected)");
        } else {
            finishExited(status, expected);
        }
        pid = 0;
    }

    private void finishStopped(ExitStatus status, boolean expected) {
        killing = false;
        delayNanos = 0;
        exitstatus = status.exitstatus();
        assertInState(STOPPING);
        changeState(STOPPED); // STOPPING -> STOPPED
        log.log(expected ? LoggingLevel.INFO : LoggingLevel.WARN,
                "stopped: " + config.name() + " (" + status.message() + ")");
    }

    private void finishExited(ExitStatus status, boolean expected) {
        delayNanos = 0;
        backoff = 0;
        exitstatus = status.exitstatus();
        if (state == STARTING) {
            changeState(RUNNING); // STARTING -> RUNNING: it lived startsecs (e.g. startsecs=0), then exited
        }
        assertInState(RUNNING);
        if (expected) {
            changeState(EXITED, true); // RUNNING -> EXITED
            log.info("exited: " + config.name() + " (" + status.message() + "; expected)");
        } else {
            spawnerr = "Bad exit code " + status.exitstatus();
            changeState(EXITED, false); // RUNNING -> EXITED
            log.warn("exited: " + config.name() + " (" + status.message() + "; not expected)");
        }
    }

    // ---------------------------------------------------------------- stopping and signals

    /**
     * Administrative stop with {@code stopsignal}; mirrors {@code Subprocess.stop}.
     *
     * @return empty if the stop is under way (or done, from BACKOFF), else the error message
     */
    public Optional<String> stop() {
        lastStopReportNanos = null;
        return kill(config.stopsignal());
    }

    /**
     * Sends {@code sig} intending the process to exit; mirrors {@code Subprocess.kill}. From BACKOFF this goes
     * straight to STOPPED (keeping the backoff counter, as Supervisor does).
     *
     * @return empty if the signal was sent (or the child was already gone), else the error message
     */
    public Optional<String> kill(int sig) {
        String name = config.name();
        if (state == BACKOFF) {
            log.debug("Attempted to kill " + name + ", which is in BACKOFF state.");
            changeState(STOPPED); // BACKOFF -> STOPPED
            return Optional.empty();
        }
        if (pid == 0) {
            String msg = "attempted to kill " + name + " with sig " + SignalName.of(sig) + " but it wasn't running";
            log.debug(msg);
            return Optional.of(msg);
        }
        // the first signal follows stopasgroup; once STOPPING, this is the SIGKILL and follows killasgroup
        boolean asGroup = state == STOPPING ? config.killasgroup() : config.stopasgroup();
        log.debug("killing " + name + " (pid " + pid + ") " + (asGroup ? "process group " : "") + "with signal "
                + SignalName.of(sig));
        killing = true;
        delayNanos = clock.monotonicNanos() + seconds(config.stopwaitsecs());
        assertInState(RUNNING, STARTING, STOPPING);
        changeState(STOPPING); // RUNNING/STARTING -> STOPPING
        return sendKill(asGroup, sig);
    }

    private Optional<String> sendKill(boolean asGroup, int sig) {
        String name = config.name();
        SignalResult result = asGroup ? services.signals().signalGroup(pid, sig)
                : services.signals().signalProcess(pid, sig);
        return switch (result) {
            case SignalResult.Sent s -> Optional.empty();
            case SignalResult.NoSuchProcess e -> {
                // the state is resolved when the child is reaped (supervisor/process.py kill)
                log.debug("unable to signal " + name + " (pid " + pid + "), it probably just exited on its own: "
                        + e.detail());
                yield Optional.empty();
            }
            case SignalResult.Failed f -> {
                String msg = "unknown problem killing " + name + " (" + pid + "):" + f.detail();
                log.critical(msg);
                changeState(UNKNOWN); // STOPPING -> UNKNOWN
                killing = false;
                delayNanos = 0;
                yield Optional.of(msg);
            }
        };
    }

    /**
     * Sends {@code sig} without intending a stop (signalProcess); mirrors {@code Subprocess.signal}.
     *
     * @return empty if sent (or the child was already gone), else the error message
     */
    public Optional<String> signal(int sig) {
        String name = config.name();
        if (pid == 0) {
            String msg = "attempted to send " + name + " sig " + SignalName.of(sig) + " but it wasn't running";
            log.debug(msg);
            return Optional.of(msg);
        }
        log.debug("sending " + name + " (pid " + pid + ") sig " + SignalName.of(sig));
        assertInState(RUNNING, STARTING, STOPPING);
        return switch (services.signals().signalProcess(pid, sig)) {
            case SignalResult.Sent s -> Optional.empty();
            case SignalResult.NoSuchProcess e -> {
                log.debug("unable to signal " + name + " (pid " + pid + "), it probably just now exited on its own: "
                        + e.detail());
                yield Optional.empty();
            }
            case SignalResult.Failed f -> {
                String msg = "unknown problem sending sig " + name + " (" + pid + "):" + f.detail();
                log.critical(msg);
                changeState(UNKNOWN); // RUNNING/STARTING/STOPPING -> UNKNOWN
                yield Optional.of(msg);
            }
        };
    }

    /** BACKOFF -> FATAL, resetting the counter; used by transition() and at shutdown ({@code give_up}). */
    public void giveUp() {
        delayNanos = 0;
        backoff = 0;
        assertInState(BACKOFF);
        changeState(FATAL); // BACKOFF -> FATAL
    }

    /** Logs {@code waiting for <name> to stop} at most every 2 s while STOPPING ({@code stop_report}). */
    public void stopReport() {
        if (state != STOPPING) {
            return;
        }
        long now = clock.monotonicNanos();
        if (lastStopReportNanos == null || now - lastStopReportNanos > STOP_REPORT_INTERVAL_NANOS) {
            log.info("waiting for " + config.name() + " to stop");
            lastStopReportNanos = now;
        }
    }

    // ---------------------------------------------------------------- state and views

    private void changeState(ProcessState to) {
        changeState(to, true);
    }

    /** Mirrors {@code Subprocess.change_state}: entering BACKOFF counts a failure and schedules the retry. */
    private void changeState(ProcessState to, boolean expected) {
        ProcessState from = state;
        if (to == from) {
            return;
        }
        state = to;
        if (to == BACKOFF) {
            backoff++;
            delayNanos = clock.monotonicNanos() + seconds(backoff); // linear: 1 s, 2 s, 3 s ...
        }
        services.listener().onStateChange(
                new ProcessStateChange(this, groupName, config.name(), from, to, expected, backoff, pid));
    }

    private void assertInState(ProcessState... allowed) {
        if (!Arrays.asList(allowed).contains(state)) {
            String names = Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(" "));
            throw new IllegalStateException(
                    "Assertion failed for " + config.name() + ": " + state + " not in " + names);
        }
    }

    private static long seconds(long s) {
        return s * NANOS_PER_SECOND;
    }

    /** The getProcessInfo view of this process at the clock's current time. */
    public ProcessInfoView info() {
        return ProcessInfoView.of(this, clock.wallSeconds(), clock.zone());
    }

    public ProcessConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    public String groupName() {
        return groupName;
    }

    public ProcessState state() {
        return state;
    }

    /** The child's pid, 0 when there is none. */
    public int pid() {
        return pid;
    }

    /**
     * Whether a stop signal was sent and the child not yet reaped; like Supervisor's {@code write()}, the
     * stdin writer refuses input then ("Process already closed").
     */
    public boolean killing() {
        return killing;
    }

    /** The backoff counter: failed starts since the last success. */
    public int backoff() {
        return backoff;
    }

    /** The last spawn error, or null. */
    public String spawnerr() {
        return spawnerr;
    }

    /** The last exit status (-1 after a signal death), or null if none is recorded. */
    public Integer exitstatus() {
        return exitstatus;
    }

    /** Wall seconds of the last spawn attempt, 0 if never. */
    public long laststart() {
        return laststart;
    }

    /** Wall seconds of the last reap, 0 if never. */
    public long laststop() {
        return laststop;
    }

    @Override
    public String toString() {
        return "<Subprocess " + groupName + ":" + config.name() + " in state " + state + ">";
    }
}
