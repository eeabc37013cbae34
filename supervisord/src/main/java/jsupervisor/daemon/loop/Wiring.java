package jsupervisor.daemon.loop;

import java.util.Map;

import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.events.EventBus;
import jsupervisor.daemon.events.TickSource;
import jsupervisor.daemon.lifecycle.AutoChildLogs;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.posix.Users;
import jsupervisor.daemon.process.ChildEnvironment;
import jsupervisor.daemon.process.NioFileSystem;
import jsupervisor.daemon.process.ProcessServices;
import jsupervisor.daemon.process.ProgramResolver;

/** Builds the real process services around a loop and creates the configured groups in it. */
public final class Wiring {
    private Wiring() {}

    public static void createGroups(SupervisorLoop loop, Configuration config, AutoChildLogs autoLogs,
                                    DaemonLog log, Map<String, String> environment) {
        wire(loop, config, autoLogs, log, environment);
    }

    /**
     * Creates the configured groups in {@code loop}, with a {@link StateChanges} fan-out as the state listener,
     * and returns the access the RPC layer needs. Call on the loop thread.
     */
    public static LoopAccess wire(SupervisorLoop loop, Configuration config, AutoChildLogs autoLogs, DaemonLog log,
                                  Map<String, String> environment) {
        return wire(loop, config, autoLogs, log, environment, new EventBus(), new TickSource());
    }

    /**
     * {@link #wire} with the daemon's event bus and tick source, which outlive a reload (the event serial carries
     * on): every state change, group change, listener output and tick goes through them.
     */
    public static LoopAccess wire(SupervisorLoop loop, Configuration config, AutoChildLogs autoLogs, DaemonLog log,
                                  Map<String, String> environment, EventBus bus, TickSource ticks) {
        bus.clear(); // a reload discards subscriptions and buffered events, as Supervisor does
        LoopEvents events = new LoopEvents(bus, ticks, loop, config.supervisord().identifier(),
                new DaemonMainLog(log));
        loop.setEventHooks(events);
        StateChanges changes = new StateChanges(loop::submit);
        changes.addListener(events);
        FcgiSockets sockets = new FcgiSockets(log);
        PosixProcessSpawner spawner = new PosixProcessSpawner(loop, Users.uid(), sockets, loop.parallelSpawns());
        loop.setSpawnBatching(spawner);
        ProcessServices services = new ProcessServices(
                spawner,
                new PosixSignalSender(),
                new SystemClock(),
                new DaemonMainLog(log),
                changes,
                new ProgramResolver(new NioFileSystem(), environment),
                new ChildEnvironment(environment, config.serverUrl()),
                () -> loop.mood() == SupervisorStateCode.RUNNING);
        GroupFactory factory = new GroupFactory(autoLogs, services, log, sockets);
        for (GroupConfig g : config.groups()) {
            // a name used twice ([program:x] and [eventlistener:x]): Supervisor's add_process_group keeps the
            // first in priority order and silently ignores the other; two active groups of one name would share
            // their processes' keys, and the loop could never reap one of them
            if (loop.group(g.name()).isEmpty()) {
                loop.addGroup(factory.create(g));
            }
        }
        return new LoopAccess(loop, factory, changes, log, events::remoteCommunication);
    }
}
