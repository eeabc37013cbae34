package jsupervisor.daemon.loop;

import jsupervisor.daemon.posix.SpawnResult;
import jsupervisor.daemon.process.SpawnSpec;

/** Where a spawner hands a new child's fds so the loop watches them. Loop-confined. */
interface ChildRegistry {
    /** @param lease what the child holds while it runs (its fcgi socket), released when it is reaped; or null */
    void register(SpawnSpec spec, SpawnResult.Spawned child, AutoCloseable lease);
}
