package jsupervisor.daemon.process.testing;

import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.process.ProcessState;
import jsupervisor.daemon.process.ProcessStateChange;
import jsupervisor.daemon.process.ProcessStateListener;

/** Records state changes. Single-threaded. */
public final class RecordingStateListener implements ProcessStateListener {
    private final List<ProcessStateChange> changes = new ArrayList<>();

    @Override
    public void onStateChange(ProcessStateChange change) {
        changes.add(change);
    }

    public List<ProcessStateChange> changes() {
        return List.copyOf(changes);
    }

    /** The changes as {@code FROM->TO} strings, e.g. {@code STOPPED->STARTING}. */
    public List<String> transitions() {
        return changes.stream().map(c -> c.from() + "->" + c.to()).toList();
    }

    /** The target states in order. */
    public List<ProcessState> states() {
        return changes.stream().map(ProcessStateChange::to).toList();
    }

    public ProcessStateChange last() {
        return changes.getLast();
    }

    public void clear() {
        changes.clear();
    }
}
