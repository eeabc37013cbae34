package jsupervisor.daemon.process;

/**
 * Starts a child process. The posix package provides the real one ({@code PosixSpawner}); tests use a fake.
 * Called on the loop thread; must not block beyond the spawn itself.
 *
 * <p>Contract: on success the child runs {@link SpawnSpec#filename()} with {@link SpawnSpec#argv()} in a new
 * process group (pgid = pid), with pipes for stdin/stdout/stderr already registered with whoever reads them.
 * Failures that Supervisor detects in the forked child (chdir, setuid, exec) should, for fidelity, look like
 * a child that wrote {@code supervisor: couldn't ...} to its stderr and exited 127; a spawner that cannot do
 * that may report them as {@link SpawnResult.Failed}.
 */
@FunctionalInterface
public interface Spawner {
    SpawnResult spawn(SpawnSpec spec);

    /**
     * Starts the child now, or, when the spawner batches the spawns of one loop pass to run them in parallel,
     * before that pass ends. {@code done} gets the result on the loop thread, in the order of the calls, and
     * before anything but other processes' transitions has run.
     */
    default void spawn(SpawnSpec spec, java.util.function.Consumer<SpawnResult> done) {
        done.accept(spawn(spec));
    }

    /**
     * Delivers a failure known before any spawn (a command that cannot run) in its place among the spawns of the
     * pass, as {@link #spawn(SpawnSpec, java.util.function.Consumer)} delivers theirs: the log then tells of the
     * processes in the order they were started, as Supervisor's does.
     */
    default void fail(SpawnResult.Failed failure, java.util.function.Consumer<SpawnResult> done) {
        done.accept(failure);
    }
}
