package jsupervisor.daemon.loop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.config.ProcessConfig;
import jsupervisor.daemon.lifecycle.AutoChildLogs;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.ProcessServices;

/**
 * Turns configured groups into running-state groups. AUTO log targets get their file now, as Supervisor
 * creates them with {@code mkstemp} at group creation (so they exist even for processes that never start).
 * An fcgi group's socket is made and closed once, to fail early, as Supervisor does. Remembers which config each
 * active group was made from: Supervisor resolves AUTO names in that very config object, which its
 * {@code addProcessGroup} then reuses until a reread. Loop-confined.
 */
final class GroupFactory {
    private final AutoChildLogs autoLogs;
    private final Map<GroupConfig, ProcessGroup> createdFrom = new IdentityHashMap<>();
    private final ProcessServices services;
    private final DaemonLog log;
    private final FcgiSockets sockets;

    GroupFactory(AutoChildLogs autoLogs, ProcessServices services, DaemonLog log, FcgiSockets sockets) {
        this.autoLogs = autoLogs;
        this.services = services;
        this.log = log;
        this.sockets = sockets;
    }

    ProcessGroup create(GroupConfig config) {
        List<ProcessConfig> processes = new ArrayList<>();
        for (ProcessConfig p : config.processes()) {
            processes.add(withAutoLogs(p));
        }
        ProcessGroup group = new ProcessGroup(new GroupConfig(config.kind(), config.name(), config.priority(),
                processes, config.listenerPool(), config.fcgiSocket()), services);
        if (config.fcgiSocket() != null) {
            sockets.add(config.name(), config.fcgiSocket()); // may throw GroupCreationException
        }
        createdFrom.put(config, group);
        return group;
    }

    /** The active group made from this very config object, if it is still active. */
    Optional<ProcessGroup> createdFrom(GroupConfig config) {
        return Optional.ofNullable(createdFrom.get(config));
    }

    /** A group left the loop: its socket (closed with its last child) is no longer needed. */
    void forget(ProcessGroup group) {
        sockets.remove(group.name());
        createdFrom.values().remove(group);
    }

    private ProcessConfig withAutoLogs(ProcessConfig p) {
        ChannelConfig out = resolve(p.name(), "stdout", p.stdout());
        ChannelConfig err = resolve(p.name(), "stderr", p.stderr());
        if (out == p.stdout() && err == p.stderr()) {
            return p;
        }
        return new ProcessConfig(p.name(), p.command(), p.directory(), p.umask(), p.priority(), p.autostart(),
                p.autorestart(), p.startsecs(), p.startretries(), p.uid(), p.user(), out, err, p.stopsignal(),
                p.stopwaitsecs(), p.stopasgroup(), p.killasgroup(), p.exitcodes(), p.redirectStderr(),
                p.environment(), p.serverurl());
    }

    private ChannelConfig resolve(String processName, String channel, ChannelConfig c) {
        if (c.logfile().kind() != LogTarget.Kind.AUTO) {
            return c;
        }
        try {
            Path file = autoLogs.create(processName, channel);
            return new ChannelConfig(LogTarget.file(file.toString()), c.logfileMaxbytes(), c.logfileBackups(),
                    c.captureMaxbytes(), c.eventsEnabled(), c.syslog());
        } catch (IOException e) {
            log.critical("could not create the AUTO " + channel + " log of " + processName + ": " + e.getMessage());
            return new ChannelConfig(LogTarget.NONE, c.logfileMaxbytes(), c.logfileBackups(), c.captureMaxbytes(),
                    c.eventsEnabled(), c.syslog());
        }
    }
}
