package jsupervisor.ctl.commands;

import java.util.List;
import java.util.Locale;
import jsupervisor.common.api.Fault;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.ctl.CommandLine;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;
import jsupervisor.ctl.ExitStatus;
import jsupervisor.ctl.PythonError;
import jsupervisor.ctl.Supervisor;

/**
 * Commands about the daemon and the session: {@code shutdown}, {@code reload}, {@code version}, {@code pid},
 * {@code open}, {@code quit} and {@code exit} (REFERENCE §9.4), mirroring their {@code do_*} methods.
 * Stateless apart from the controller.
 */
public final class DaemonCommands {
    static final String HELP_SHUTDOWN = "shutdown \tShut the remote supervisord down.";
    static final String HELP_RELOAD = "reload \t\tRestart the remote supervisord.";
    static final String HELP_VERSION = "version\t\t\tShow the version of the remote supervisord process";
    static final String HELP_PID = "pid\t\t\tGet the PID of supervisord.\n"
            + "pid <name>\t\tGet the PID of a single child process by name.\n"
            + "pid all\t\t\tGet the PID of every child process, one per line.";
    static final String HELP_OPEN = "open <url>\tConnect to a remote supervisord process.\n"
            + "\t\t(for UNIX domain socket, use unix:///socket/path)";

    private final Controller ctl;
    private final StatusCommand status;

    public DaemonCommands(Controller ctl, StatusCommand status) {
        this.ctl = ctl;
        this.status = status;
    }

    public List<CtlCommand> commands() {
        return List.of(
                new CtlCommand("shutdown", this::shutdown, HELP_SHUTDOWN),
                new CtlCommand("reload", this::reload, HELP_RELOAD),
                new CtlCommand("version", this::version, HELP_VERSION),
                new CtlCommand("pid", this::pid, HELP_PID),
                new CtlCommand("open", this::open, HELP_OPEN),
                new CtlCommand("quit", this::quit, "quit\tExit the supervisor shell."),
                new CtlCommand("exit", this::quit, "exit\tExit the supervisor shell."));
    }

    private boolean noArgs(String name, String arg, String help) {
        if (arg.isEmpty()) {
            return true;
        }
        ctl.output("Error: " + name + " accepts no arguments");
        ctl.setExitStatus(ExitStatus.GENERIC);
        ctl.output(help);
        return false;
    }

    /** With {@code -i} (or in the shell) shutdown and reload ask first; only an answer starting with y proceeds. */
    private boolean confirmed(String question, int pythonLine) throws Exception {
        if (!ctl.interactive()) {
            return true;
        }
        try {
            return ctl.input().readLine(question).toLowerCase(Locale.ROOT).startsWith("y");
        } catch (java.io.EOFException e) {
            throw PythonError.eof(pythonLine);
        }
    }

    boolean shutdown(String arg) throws Exception {
        if (!noArgs("shutdown", arg, HELP_SHUTDOWN)
                || !confirmed("Really shut the remote supervisord process down y/N? ", 987)) {
            return false;
        }
        try {
            ctl.supervisor().shutdown();
            ctl.output("Shut down");
        } catch (XmlRpcFault e) {
            if (e.faultCode() != Fault.SHUTDOWN_STATE.code()) {
                ctl.setExitStatus(ExitStatus.GENERIC);
                throw e;
            }
            ctl.output("ERROR: already shutting down");
        } catch (PythonError e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.errno() == PythonError.ECONNREFUSED) {
                ctl.output("ERROR: " + ctl.serverurl() + " refused connection (already shut down?)");
            } else if (e.errno() == PythonError.ENOENT) {
                ctl.output("ERROR: " + ctl.serverurl() + " no such file (already shut down?)");
            } else {
                throw e;
            }
        }
        return false;
    }

    boolean reload(String arg) throws Exception {
        if (!noArgs("reload", arg, HELP_RELOAD)
                || !confirmed("Really restart the remote supervisord process y/N? ", 1027)) {
            return false;
        }
        try {
            ctl.supervisor().restart();
            ctl.output("Restarted supervisord");
        } catch (XmlRpcFault e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.faultCode() != Fault.SHUTDOWN_STATE.code()) {
                throw e;
            }
            ctl.output("ERROR: already shutting down");
        }
        return false;
    }

    boolean version(String arg) throws Exception {
        if (!noArgs("version", arg, HELP_VERSION) || !ctl.upcheck()) {
            return false;
        }
        ctl.output(ctl.supervisor().getSupervisorVersion());
        return false;
    }

    boolean pid(String arg) throws Exception {
        Supervisor supervisor = ctl.supervisor();
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> names = CommandLine.split(arg);
        if (names.isEmpty()) {
            ctl.output(String.valueOf(supervisor.getPID()));
        } else if (names.contains("all")) {
            for (ProcessInfo info : supervisor.getAllProcessInfo()) {
                ctl.output(String.valueOf(info.pid()));
            }
        } else {
            for (String name : names) {
                try {
                    int pid = supervisor.getProcessInfo(name).pid();
                    ctl.output(String.valueOf(pid));
                    if (pid == 0) {
                        ctl.setExitStatus(ExitStatus.NOT_RUNNING);
                    }
                } catch (XmlRpcFault e) {
                    ctl.setExitStatus(ExitStatus.GENERIC);
                    if (e.faultCode() != Fault.BAD_NAME.code()) {
                        throw e;
                    }
                    ctl.output("No such process " + name);
                }
            }
        }
        return false;
    }

    boolean open(String arg) throws Exception {
        String url = CommandLine.strip(arg);
        String scheme = UrlCheck.scheme(url);
        if (!scheme.equals("unix") && !scheme.equals("http")) {
            ctl.output("ERROR: url must be http:// or unix://");
            ctl.setExitStatus(ExitStatus.GENERIC);
            return false;
        }
        ctl.setServerurl(url);
        int old = ctl.exitStatus();
        status.status("");
        ctl.setExitStatus(old);
        return false;
    }

    boolean quit(String arg) {
        ctl.output("");
        return true;
    }
}
