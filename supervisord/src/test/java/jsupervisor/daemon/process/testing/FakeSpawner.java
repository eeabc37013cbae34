package jsupervisor.daemon.process.testing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jsupervisor.daemon.process.SpawnResult;
import jsupervisor.daemon.process.SpawnSpec;
import jsupervisor.daemon.process.Spawner;

/**
 * Records every spawn and answers with queued results, or with fresh pids (1000, 1001, ...) when none is
 * queued. Single-threaded.
 */
public final class FakeSpawner implements Spawner {
    private final List<SpawnSpec> specs = new ArrayList<>();
    private final Deque<SpawnResult> queued = new ArrayDeque<>();
    private int nextPid = 1000;

    @Override
    public SpawnResult spawn(SpawnSpec spec) {
        specs.add(spec);
        SpawnResult r = queued.poll();
        return r != null ? r : new SpawnResult.Spawned(nextPid++);
    }

    /** The next spawn fails with {@code message}. */
    public FakeSpawner failNext(String message) {
        queued.add(new SpawnResult.Failed(message));
        return this;
    }

    /** Every later spawn, until {@link #clearQueue()}, fails; returns this. */
    public FakeSpawner failNext(int times, String message) {
        for (int i = 0; i < times; i++) {
            failNext(message);
        }
        return this;
    }

    public void clearQueue() {
        queued.clear();
    }

    public List<SpawnSpec> specs() {
        return List.copyOf(specs);
    }

    public int count() {
        return specs.size();
    }

    public SpawnSpec last() {
        return specs.getLast();
    }

    /** The pid the next successful default spawn will get. */
    public int nextPid() {
        return nextPid;
    }
}
