package jsupervisor.daemon.loop;

import java.util.Map;

import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.daemon.config.Configuration;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.lifecycle.AutoChildLogs;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.posix.Users;
import jsupervisor.daemon.process.ChildEnvironment;
import jsupervisor.daemon.process.NioFileSystem;
import jsupervisor.daemon.process.ProcessServices;
import jsupervisor.daemon.process.ProcessStateListener;
import jsupervisor.daemon.process.ProgramResolver;

/** Builds the real process services around a loop and creates the configured groups in it. */
public final class Wiring {
    private Wiring() {}

    public static void createGroups(SupervisorLoop loop, Configuration config, AutoChildLogs autoLogs,
                                    DaemonLog log, Map<String, String> environment) {
        ProcessServices services = new ProcessServices(
                new PosixProcessSpawner(loop, Users.uid()),
                new PosixSignalSender(),
                new SystemClock(),
                new DaemonMainLog(log),
                ProcessStateListener.NONE,
                new ProgramResolver(new NioFileSystem(), environment),
                new ChildEnvironment(environment, config.serverUrl()),
                () -> loop.mood() == SupervisorStateCode.RUNNING);
        GroupFactory factory = new GroupFactory(autoLogs, services, log);
        for (GroupConfig g : config.groups()) {
            loop.addGroup(factory.create(g));
        }
    }
}
