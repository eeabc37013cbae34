package jsupervisor.ctl.commands;

import java.util.List;
import jsupervisor.common.api.Fault;
import jsupervisor.common.api.NameSpec;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.ctl.CommandLine;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;
import jsupervisor.ctl.ExitStatus;
import jsupervisor.ctl.Supervisor;

/**
 * {@code start}, {@code stop}, {@code restart} and {@code signal} (REFERENCE §9.4): the all / group / process
 * forms, result lines and exit statuses of {@code do_start}, {@code do_stop}, {@code do_restart} and
 * {@code do_signal}. Stateless apart from the controller.
 */
public final class ProcessCommands {
    static final String HELP_START = "start <name>\t\tStart a process\n"
            + "start <gname>:*\t\tStart all processes in a group\n"
            + "start <name> <name>\tStart multiple processes or groups\n"
            + "start all\t\tStart all processes";
    static final String HELP_STOP = "stop <name>\t\tStop a process\n"
            + "stop <gname>:*\t\tStop all processes in a group\n"
            + "stop <name> <name>\tStop multiple processes or groups\n"
            + "stop all\t\tStop all processes";
    static final String HELP_RESTART = "restart <name>\t\tRestart a process\n"
            + "restart <gname>:*\tRestart all processes in a group\n"
            + "restart <name> <name>\tRestart multiple processes or groups\n"
            + "restart all\t\tRestart all processes\n"
            + "Note: restart does not reread config files. For that, see reread and update.";
    static final String HELP_SIGNAL = "signal <signal name> <name>\t\tSignal a process\n"
            + "signal <signal name> <gname>:*\t\tSignal all processes in a group\n"
            + "signal <signal name> <name> <name>\tSignal multiple processes or groups\n"
            + "signal <signal name> all\t\tSignal all processes";

    private final Controller ctl;

    public ProcessCommands(Controller ctl) {
        this.ctl = ctl;
    }

    public List<CtlCommand> commands() {
        return List.of(
                new CtlCommand("start", this::start, HELP_START),
                new CtlCommand("stop", this::stop, HELP_STOP),
                new CtlCommand("restart", this::restart, HELP_RESTART),
                new CtlCommand("signal", this::signal, HELP_SIGNAL));
    }

    /** Mirrors {@code _startresult}. */
    private static String startResult(Supervisor.Result r) throws Exception {
        String name = NameSpec.format(r.group(), r.name());
        int code = r.status();
        if (code == Fault.BAD_NAME.code()) {
            return name + ": ERROR (no such process)";
        } else if (code == Fault.NO_FILE.code()) {
            return name + ": ERROR (no such file)";
        } else if (code == Fault.NOT_EXECUTABLE.code()) {
            return name + ": ERROR (file is not executable)";
        } else if (code == Fault.ALREADY_STARTED.code()) {
            return name + ": ERROR (already started)";
        } else if (code == Fault.SPAWN_ERROR.code()) {
            return name + ": ERROR (spawn error)";
        } else if (code == Fault.ABNORMAL_TERMINATION.code()) {
            return name + ": ERROR (abnormal termination)";
        } else if (code == Fault.SUCCESS.code()) {
            return name + ": started";
        }
        throw jsupervisor.ctl.PythonError.unknownResultCode(code, name, 761);
    }

    /** Mirrors {@code _signalresult}. */
    private static String signalResult(Supervisor.Result r, String success) throws Exception {
        String name = NameSpec.format(r.group(), r.name());
        int code = r.status();
        if (code == Fault.BAD_NAME.code()) {
            return name + ": ERROR (no such process)";
        } else if (code == Fault.BAD_SIGNAL.code()) {
            return name + ": ERROR (bad signal name)";
        } else if (code == Fault.NOT_RUNNING.code()) {
            return name + ": ERROR (not running)";
        } else if (code == Fault.SUCCESS.code()) {
            return name + ": " + success;
        } else if (code == Fault.FAILED.code()) {
            return r.description();
        }
        throw jsupervisor.ctl.PythonError.unknownResultCode(code, name, 835);
    }

    /** The group and process parts of a name as the reference builds error results (group of "x" is "x"). */
    private static Supervisor.Result faultResult(NameSpec spec, XmlRpcFault e) {
        return new Supervisor.Result(spec.process(), spec.group(), e.faultCode(), e.faultString());
    }

    boolean start(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> names = CommandLine.split(arg);
        Supervisor supervisor = ctl.supervisor();
        if (names.isEmpty()) {
            ctl.output("Error: start requires a process name");
            ctl.setExitStatus(ExitStatus.INVALID_ARGS);
            ctl.output(HELP_START);
            return false;
        }
        int ignored = Fault.ALREADY_STARTED.code();
        if (names.contains("all")) {
            for (Supervisor.Result r : supervisor.startAllProcesses()) {
                ctl.output(startResult(r));
                ctl.setExitStatusFromFault(r.status(), ignored);
            }
            return false;
        }
        for (String name : names) {
            NameSpec spec = NameSpec.parse(name);
            if (spec.process() == null) {
                try {
                    for (Supervisor.Result r : supervisor.startProcessGroup(spec.group())) {
                        ctl.output(startResult(r));
                        ctl.setExitStatusFromFault(r.status(), ignored);
                    }
                } catch (XmlRpcFault e) {
                    if (e.faultCode() != Fault.BAD_NAME.code()) {
                        ctl.setExitStatus(ExitStatus.GENERIC);
                        throw e;
                    }
                    ctl.output(spec.group() + ": ERROR (no such group)");
                    ctl.setExitStatus(ExitStatus.INVALID_ARGS);
                }
            } else {
                try {
                    supervisor.startProcess(name);
                    ctl.output(NameSpec.format(spec.group(), spec.process()) + ": started");
                } catch (XmlRpcFault e) {
                    ctl.output(startResult(faultResult(spec, e)));
                    ctl.setExitStatusFromFault(e.faultCode(), ignored);
                }
            }
        }
        return false;
    }

    boolean stop(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> names = CommandLine.split(arg);
        Supervisor supervisor = ctl.supervisor();
        if (names.isEmpty()) {
            ctl.output("Error: stop requires a process name");
            ctl.setExitStatus(ExitStatus.GENERIC);
            ctl.output(HELP_STOP);
            return false;
        }
        int ignored = Fault.NOT_RUNNING.code();
        if (names.contains("all")) {
            for (Supervisor.Result r : supervisor.stopAllProcesses()) {
                ctl.output(signalResult(r, "stopped"));
                ctl.setExitStatusFromFault(r.status(), ignored);
            }
            return false;
        }
        for (String name : names) {
            NameSpec spec = NameSpec.parse(name);
            if (spec.process() == null) {
                try {
                    for (Supervisor.Result r : supervisor.stopProcessGroup(spec.group())) {
                        ctl.output(signalResult(r, "stopped"));
                        ctl.setExitStatusFromFault(r.status(), ignored);
                    }
                } catch (XmlRpcFault e) {
                    ctl.setExitStatus(ExitStatus.GENERIC);
                    if (e.faultCode() != Fault.BAD_NAME.code()) {
                        throw e;
                    }
                    ctl.output(spec.group() + ": ERROR (no such group)");
                }
            } else {
                try {
                    supervisor.stopProcess(name);
                    ctl.output(NameSpec.format(spec.group(), spec.process()) + ": stopped");
                } catch (XmlRpcFault e) {
                    ctl.output(signalResult(faultResult(spec, e), "stopped"));
                    ctl.setExitStatusFromFault(e.faultCode(), ignored);
                }
            }
        }
        return false;
    }

    boolean restart(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        if (CommandLine.split(arg).isEmpty()) {
            ctl.output("Error: restart requires a process name");
            ctl.setExitStatus(ExitStatus.GENERIC);
            ctl.output(HELP_RESTART);
            return false;
        }
        stop(arg);
        start(arg);
        return false;
    }

    boolean signal(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> args = CommandLine.split(arg);
        if (args.size() < 2) {
            ctl.output("Error: signal requires a signal name and a process name");
            ctl.output(HELP_SIGNAL);
            ctl.setExitStatus(ExitStatus.GENERIC);
            return false;
        }
        String sig = args.get(0);
        List<String> names = args.subList(1, args.size());
        Supervisor supervisor = ctl.supervisor();
        if (names.contains("all")) {
            for (Supervisor.Result r : supervisor.signalAllProcesses(sig)) {
                ctl.output(signalResult(r, "signalled"));
                ctl.setExitStatusFromFault(r.status());
            }
            return false;
        }
        for (String name : names) {
            NameSpec spec = NameSpec.parse(name);
            if (spec.process() == null) {
                try {
                    for (Supervisor.Result r : supervisor.signalProcessGroup(spec.group(), sig)) {
                        ctl.output(signalResult(r, "signalled"));
                        ctl.setExitStatusFromFault(r.status());
                    }
                } catch (XmlRpcFault e) {
                    if (e.faultCode() != Fault.BAD_NAME.code()) {
                        throw e;
                    }
                    ctl.output(spec.group() + ": ERROR (no such group)");
                    ctl.setExitStatus(ExitStatus.GENERIC);
                }
            } else {
                try {
                    supervisor.signalProcess(name, sig);
                    ctl.output(NameSpec.format(spec.group(), spec.process()) + ": signalled");
                } catch (XmlRpcFault e) {
                    ctl.output(signalResult(faultResult(spec, e), "signalled"));
                    ctl.setExitStatusFromFault(e.faultCode());
                }
            }
        }
        return false;
    }
}
