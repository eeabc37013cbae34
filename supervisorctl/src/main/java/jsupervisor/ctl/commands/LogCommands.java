package jsupervisor.ctl.commands;

import java.util.List;
import jsupervisor.common.api.Fault;
import jsupervisor.common.api.NameSpec;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.ctl.CommandLine;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;
import jsupervisor.ctl.ExitStatus;
import jsupervisor.ctl.PythonError;
import jsupervisor.ctl.Supervisor;

/**
 * {@code tail}, {@code maintail} and {@code clear} (REFERENCE §9.4), mirroring {@code do_tail},
 * {@code do_maintail} and {@code do_clear}; the {@code -f} forms stream through {@link LogFollower}.
 * Stateless apart from the controller.
 */
public final class LogCommands {
    static final String HELP_TAIL = "tail [-f] <name> [stdout|stderr] (default stdout)\n"
            + "Ex:\n"
            + "tail -f <name>\t\tContinuous tail of named process stdout\n"
            + "\t\t\tCtrl-C to exit.\n"
            + "tail -100 <name>\tlast 100 *bytes* of process stdout\n"
            + "tail <name> stderr\tlast 1600 *bytes* of process stderr";
    static final String HELP_MAINTAIL = "maintail -f \tContinuous tail of supervisor main log file (Ctrl-C to exit)\n"
            + "maintail -100\tlast 100 *bytes* of supervisord main log file\n"
            + "maintail\tlast 1600 *bytes* of supervisor main log file\n";
    static final String HELP_CLEAR = "clear <name>\t\tClear a process' log files.\n"
            + "clear <name> <name>\tClear multiple process' log files\n"
            + "clear all\t\tClear all process' log files";

    private final Controller ctl;
    private final LogFollower follower;

    public LogCommands(Controller ctl, LogFollower follower) {
        this.ctl = ctl;
        this.follower = follower;
    }

    public List<CtlCommand> commands() {
        return List.of(
                new CtlCommand("tail", this::tail, HELP_TAIL),
                new CtlCommand("maintail", this::maintail, HELP_MAINTAIL),
                new CtlCommand("clear", this::clear, HELP_CLEAR));
    }

    private boolean fail(String message) {
        ctl.output(message);
        ctl.setExitStatus(ExitStatus.GENERIC);
        return false;
    }

    /** Python's {@code int(s)} for the byte counts: optional sign and surrounding whitespace, digits. */
    static Integer pythonInt(String s) {
        String t = CommandLine.strip(s).replace("_", "");
        if (!t.matches("[+-]?[0-9]+") || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    boolean tail(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> args = new java.util.ArrayList<>(CommandLine.split(arg));
        if (args.isEmpty()) {
            fail("Error: too few arguments");
            ctl.output(HELP_TAIL);
            return false;
        } else if (args.size() > 3) {
            fail("Error: too many arguments");
            ctl.output(HELP_TAIL);
            return false;
        }
        String modifier = args.get(0).startsWith("-") ? args.remove(0) : null;
        String name;
        String channel;
        if (args.size() == 1) {
            name = args.get(0);
            channel = "stdout";
        } else if (!args.isEmpty()) {
            name = args.get(0);
            channel = args.get(args.size() - 1).toLowerCase(java.util.Locale.ROOT);
            if (!channel.equals("stderr") && !channel.equals("stdout")) {
                return fail("Error: bad channel " + jsupervisor.common.ini.PythonRepr.of(channel));
            }
        } else {
            return fail("Error: tail requires process name");
        }
        Integer bytes = 1600;
        if (modifier != null) {
            String what = modifier.substring(1);
            if (what.equals("f")) {
                bytes = null;
            } else {
                bytes = pythonInt(what);
                if (bytes == null) {
                    return fail("Error: bad argument " + modifier);
                }
            }
        }
        Supervisor supervisor = ctl.supervisor();
        if (bytes == null) {
            follower.follow(ctl, "/logtail/" + name + "/" + channel);
            return false;
        }
        try {
            ctl.output(supervisor.readProcessLog(channel, name, -bytes, 0));
        } catch (XmlRpcFault e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.faultCode() == Fault.NO_FILE.code()) {
                ctl.output(name + ": ERROR (no log file)");
            } else if (e.faultCode() == Fault.FAILED.code()) {
                ctl.output(name + ": ERROR (unknown error reading log)");
            } else if (e.faultCode() == Fault.BAD_NAME.code()) {
                ctl.output(name + ": ERROR (no such process name)");
            } else {
                throw e;
            }
        }
        return false;
    }

    boolean maintail(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> args = CommandLine.split(arg);
        int bytes = 1600;
        if (args.size() > 1) {
            fail("Error: too many arguments");
            ctl.output(HELP_MAINTAIL);
            return false;
        } else if (args.size() == 1) {
            String a = args.get(0);
            if (!a.startsWith("-")) {
                return fail("Error: bad argument " + a);
            }
            String what = a.substring(1);
            if (what.equals("f")) {
                follower.follow(ctl, "/mainlogtail");
                return false;
            }
            Integer n = pythonInt(what);
            if (n == null) {
                return fail("Error: bad argument " + a);
            }
            bytes = n;
        }
        try {
            ctl.output(ctl.supervisor().readLog(-bytes, 0));
        } catch (XmlRpcFault e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.faultCode() == Fault.NO_FILE.code()) {
                ctl.output("supervisord: ERROR (no log file)");
            } else if (e.faultCode() == Fault.FAILED.code()) {
                ctl.output("supervisord: ERROR (unknown error reading log)");
            } else {
                throw e;
            }
        }
        return false;
    }

    /** Mirrors {@code _clearresult}. */
    private static String clearResult(Supervisor.Result r) throws PythonError {
        String name = NameSpec.format(r.group(), r.name());
        int code = r.status();
        if (code == Fault.BAD_NAME.code()) {
            return name + ": ERROR (no such process)";
        } else if (code == Fault.FAILED.code()) {
            return name + ": ERROR (failed)";
        } else if (code == Fault.SUCCESS.code()) {
            return name + ": cleared";
        }
        throw PythonError.unknownResultCode(code, name, 1260);
    }

    private static String pythonStr(String s) {
        return s == null ? "None" : s;
    }

    boolean clear(String arg) throws Exception {
        if (!ctl.upcheck()) {
            return false;
        }
        List<String> names = CommandLine.split(arg);
        if (names.isEmpty()) {
            fail("Error: clear requires a process name");
            ctl.output(HELP_CLEAR);
            return false;
        }
        Supervisor supervisor = ctl.supervisor();
        if (names.contains("all")) {
            for (Supervisor.Result r : supervisor.clearAllProcessLogs()) {
                ctl.output(clearResult(r));
                ctl.setExitStatusFromFault(r.status());
            }
            return false;
        }
        for (String name : names) {
            NameSpec spec = NameSpec.parse(name);
            try {
                supervisor.clearProcessLogs(name);
                ctl.output(NameSpec.format(spec.group(), pythonStr(spec.process())) + ": cleared");
            } catch (XmlRpcFault e) {
                // a group spec has no process part: Python formats it as "<group>:None"
                Supervisor.Result r = new Supervisor.Result(pythonStr(spec.process()), spec.group(),
                        e.faultCode(), e.faultString());
                ctl.output(clearResult(r));
                ctl.setExitStatusFromFault(e.faultCode());
            }
        }
        return false;
    }
}
