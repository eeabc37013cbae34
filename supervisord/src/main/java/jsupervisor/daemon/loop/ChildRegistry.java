package jsupervisor.daemon.loop;

import jsupervisor.daemon.posix.SpawnResult;
import jsupervisor.daemon.process.SpawnSpec;

/** Where a spawner hands a new child's fds so the loop watches them. Loop-confined. */
interface ChildRegistry {
    /**
     * Opens the process's log files before its spawn (they stay open across its restarts), as Supervisor's
     * {@code make_dispatchers} does before the fork.
     *
     * @return null when the logs are open, else the spawn error to record
     */
    String openLogs(SpawnSpec spec);

    /** @param lease what the child holds while it runs (its fcgi socket), released when it is reaped; or null */
    void register(SpawnSpec spec, SpawnResult.Spawned child, AutoCloseable lease);

    /**
     * Whether anything reads this output stream of the child: its log file, syslog, PROCESS_LOG events, capture
     * mode, an event listener's protocol, or the debug mirror in the main log. When nothing does, the child
     * writes to /dev/null instead of a pipe the loop would drain only to throw the bytes away.
     */
    boolean readsOutput(SpawnSpec spec, boolean stdout);
}
