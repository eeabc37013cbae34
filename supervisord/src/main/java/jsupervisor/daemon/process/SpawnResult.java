package jsupervisor.daemon.process;

/**
 * What a {@link Spawner} did: started a child, or failed before one existed. Immutable.
 */
public sealed interface SpawnResult permits SpawnResult.Spawned, SpawnResult.Failed {

    /** A child now runs with this pid (which is also its process group id). */
    record Spawned(int pid) implements SpawnResult {
        public Spawned {
            if (pid <= 0) {
                throw new IllegalArgumentException("pid must be positive: " + pid);
            }
        }
    }

    /**
     * No child was started. {@code message} is the spawn error worded as Supervisor words it
     * ({@code supervisor/process.py Subprocess.spawn}), e.g. {@code too many open files to spawn 'web'},
     * {@code unknown error making dispatchers for 'web': EACCES},
     * {@code Too many processes in process table to spawn 'web'},
     * {@code unknown error during fork for 'web': ENOMEM}.
     */
    record Failed(String message) implements SpawnResult {}
}
