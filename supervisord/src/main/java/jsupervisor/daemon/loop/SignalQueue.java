package jsupervisor.daemon.loop;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jsupervisor.daemon.posix.EventFd;
import jsupervisor.daemon.posix.Signals;

/**
 * Signals sent to supervisord, queued for the loop: handlers only record the signal and wake the loop, as
 * Supervisor's {@code SignalReceiver}; duplicates merge. Thread-safe: the JVM's signal dispatcher adds, the
 * loop drains.
 */
final class SignalQueue {
    /** The signals supervisord acts on (QUIT needs the signalfd path; see {@link DaemonSignals}). */
    static final int[] HANDLED = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGTERM, Signals.SIGUSR2};

    private final Set<Integer> pending = new LinkedHashSet<>();
    private final EventFd wakeup;

    SignalQueue(EventFd wakeup) {
        this.wakeup = wakeup;
    }

    void add(int signal) {
        synchronized (pending) {
            pending.add(signal);
        }
        wakeup.signal();
    }

    List<Integer> drain() {
        synchronized (pending) {
            List<Integer> out = new ArrayList<>(pending);
            pending.clear();
            return out;
        }
    }
}
