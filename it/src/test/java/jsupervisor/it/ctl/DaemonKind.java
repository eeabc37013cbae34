package jsupervisor.it.ctl;

import java.nio.file.Path;
import java.util.List;
import jsupervisor.it.Launchers;

/**
 * Which supervisord the client tests talk to. The reference daemon is the default; setting the system
 * property {@code jsupervisor.ctl.daemon=ours} runs the same tests against this checkout's daemon.
 */
enum DaemonKind {
    REFERENCE {
        @Override
        List<String> command(Path conf) {
            return List.of("/usr/bin/python3", "/usr/bin/supervisord", "-n", "-c", conf.toString());
        }
    },
    OURS {
        @Override
        List<String> command(Path conf) {
            return List.of(Launchers.bin("supervisord").toString(), "-n", "-c", conf.toString());
        }
    };

    /** The command line that runs this daemon in the foreground on {@code conf}. */
    abstract List<String> command(Path conf);

    /** The kind selected for this test run. */
    static DaemonKind selected() {
        return "ours".equals(System.getProperty("jsupervisor.ctl.daemon")) ? OURS : REFERENCE;
    }
}
