package jsupervisor.daemon.loop;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import jsupervisor.daemon.process.ProcessStateChange;
import jsupervisor.daemon.process.ProcessStateListener;
import jsupervisor.daemon.process.Subprocess;

/**
 * The one {@link ProcessStateListener} the loop installs, fanning each change out to (a) synchronous listeners
 * (the events package will queue {@code PROCESS_STATE_*} events here) and (b) per-process watchers, which the RPC
 * layer uses to complete a waiting {@code startProcess}/{@code stopProcess} the moment the state moves, instead of
 * Supervisor's 50 ms {@code NOT_DONE_YET} polling.
 *
 * <p>Loop-confined. Watchers are not run inside the state machine's call stack (a listener must not call back
 * into the process): a change only marks its process pending, and the watchers run from a command posted to the
 * loop, later in the same pass, when they read the process's then-current state, as Supervisor's callbacks do.
 */
public final class StateChanges implements ProcessStateListener {
    /** A registration that can be cancelled; cancelling twice is harmless. */
    public interface Watch {
        void cancel();
    }

    private final Executor loop;
    private final List<ProcessStateListener> listeners = new ArrayList<>();
    private final Map<Subprocess, List<Runnable>> watchers = new IdentityHashMap<>();
    private final Set<Subprocess> pending = new LinkedHashSet<>();

    /** @param loop runs a command on the loop thread at its next pass ({@link SupervisorLoop#submit}) */
    public StateChanges(Executor loop) {
        this.loop = loop;
    }

    /** Adds a listener told synchronously of every change, with the rules of {@link ProcessStateListener}. */
    public void addListener(ProcessStateListener listener) {
        listeners.add(listener);
    }

    /** Runs {@code onChange} on the loop after each state change of {@code process}, until cancelled. */
    public Watch watch(Subprocess process, Runnable onChange) {
        watchers.computeIfAbsent(process, p -> new ArrayList<>()).add(onChange);
        return () -> {
            List<Runnable> list = watchers.get(process);
            if (list != null && list.remove(onChange) && list.isEmpty()) {
                watchers.remove(process);
            }
        };
    }

    @Override
    public void onStateChange(ProcessStateChange change) {
        for (ProcessStateListener l : listeners) {
            l.onStateChange(change);
        }
        if (watchers.containsKey(change.process()) && pending.add(change.process()) && pending.size() == 1) {
            loop.execute(this::runWatchers);
        }
    }

    private void runWatchers() {
        List<Subprocess> changed = new ArrayList<>(pending);
        pending.clear();
        for (Subprocess p : changed) {
            List<Runnable> list = watchers.get(p);
            if (list != null) {
                // a watcher may cancel itself (or add another) while we iterate
                for (Runnable r : List.copyOf(list)) {
                    r.run();
                }
            }
        }
    }
}
