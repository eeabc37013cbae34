package jsupervisor.daemon.loop;

import jsupervisor.daemon.posix.SignalFd;
import jsupervisor.daemon.posix.Signals;
import sun.misc.Signal;

/**
 * How supervisord's own signals reach the loop. Two ways, chosen at start-up: when the JVM was started with
 * HUP, INT, QUIT, TERM and USR2 blocked (and {@code -Xrs}), a signalfd in the loop's epoll set reads them all;
 * otherwise {@code sun.misc.Signal} handlers queue HUP, INT, TERM and USR2 (HotSpot keeps QUIT for itself).
 * A signal that was ignored when the JVM started is reset to its default first, or the JVM would silently
 * refuse the handler. Handlers only queue and wake the loop.
 */
public final class DaemonSignals {
    /** Every signal supervisord acts on. */
    public static final int[] ALL = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM,
        Signals.SIGUSR2};

    private final SignalFd signalFd;
    private volatile SupervisorLoop target;
    private boolean init;

    private DaemonSignals(SignalFd signalFd) {
        this.signalFd = signalFd;
    }

    /** Every signal supervisord acts on as PID 1: SIGCHLD too, to reap orphans. */
    public static final int[] ALL_AS_INIT = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM,
        Signals.SIGUSR2, Signals.SIGCHLD};

    /** The set to block before re-executing: {@link #ALL}, plus SIGCHLD when we are PID 1. */
    public static int[] toBlock(boolean init) {
        return init ? ALL_AS_INIT : ALL;
    }

    /** Signals through a signalfd, for a JVM that runs with {@link #toBlock} blocked. */
    public static DaemonSignals throughSignalFd(boolean init) {
        int[] set = toBlock(init);
        for (int sig : set) {
            // safe while blocked; a signal ignored at start (nohup's HUP) must not stay ignored for children
            Signals.resetToDefault(sig);
        }
        DaemonSignals s = new DaemonSignals(SignalFd.open(set));
        s.init = init;
        return s;
    }

    /** True when SIGCHLD comes through the signalfd, so the loop can reap orphans as PID 1. */
    public boolean reapsOrphans() {
        return init;
    }

    /** Signals through JVM handlers (no QUIT). */
    public static DaemonSignals throughHandlers() {
        DaemonSignals s = new DaemonSignals(null);
        for (int sig : SignalQueue.HANDLED) {
            if (Signals.isIgnored(sig)) {
                Signals.resetToDefault(sig);
            }
            String name = Signals.name(sig).substring(3);
            Signal.handle(new Signal(name), received -> {
                SupervisorLoop loop = s.target;
                if (loop != null) {
                    loop.queueSignal(received.getNumber());
                }
            });
        }
        return s;
    }

    /** The signalfd for the loop's epoll set, or null. */
    public SignalFd signalFd() {
        return signalFd;
    }

    /** From now on signals go to {@code loop} (a reload creates a new loop). */
    public void deliverTo(SupervisorLoop loop) {
        this.target = loop;
    }
}
