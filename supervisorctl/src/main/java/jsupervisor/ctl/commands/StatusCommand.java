package jsupervisor.ctl.commands;

import java.util.ArrayList;
import java.util.List;
import jsupervisor.common.api.NameSpec;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.api.ProcessStateCode;
import jsupervisor.ctl.CommandLine;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;
import jsupervisor.ctl.ExitStatus;

/**
 * {@code status}: the process table, filtered by names (REFERENCE §9.4), mirroring {@code do_status} and
 * {@code _show_statuses}. Stateless apart from the controller it reports to.
 */
public final class StatusCommand {
    static final String HELP = "status <name>\t\tGet status for a single process\n"
            + "status <gname>:*\tGet status for all processes in a group\n"
            + "status <name> <name>\tGet status for multiple named processes\n"
            + "status\t\t\tGet all process status info";

    private final Controller ctl;

    public StatusCommand(Controller ctl) {
        this.ctl = ctl;
    }

    public List<CtlCommand> commands() {
        return List.of(new CtlCommand("status", this::status, HELP));
    }

    /** Also run by {@code open}. */
    public boolean status(String arg) throws Exception {
        if (!ctl.upcheck()) {
            // the reference overrides the upcheck's status with 4 for status only
            ctl.setExitStatus(ExitStatus.STATUS_UNKNOWN);
            return false;
        }
        List<ProcessInfo> all = ctl.supervisor().getAllProcessInfo();
        List<String> names = CommandLine.split(arg);
        List<ProcessInfo> matching;
        if (names.isEmpty() || names.contains("all")) {
            matching = all;
        } else {
            matching = new ArrayList<>();
            for (String name : names) {
                NameSpec spec = NameSpec.parse(name);
                boolean bad = true;
                for (ProcessInfo info : all) {
                    boolean matched = info.group().equals(spec.group())
                            && (spec.process() == null || info.name().equals(spec.process()));
                    if (matched) {
                        bad = false;
                        matching.add(info);
                    }
                }
                if (bad) {
                    ctl.output(spec.process() == null
                            ? spec.group() + ": ERROR (no such group)"
                            : name + ": ERROR (no such process)");
                    ctl.setExitStatus(ExitStatus.STATUS_UNKNOWN);
                }
            }
        }
        show(matching);
        for (ProcessInfo info : matching) {
            if (isStopped(info.state())) {
                ctl.setExitStatus(ExitStatus.STATUS_NOT_RUNNING);
            }
        }
        return false;
    }

    private static boolean isStopped(int state) {
        for (ProcessStateCode s : ProcessStateCode.values()) {
            if (s.code() == state) {
                return s.isStopped();
            }
        }
        return false;
    }

    /** Mirrors {@code _show_statuses}: {@code '%-(W)s%-10s%s'} with W = max(30, longest namespec) + 3. */
    private void show(List<ProcessInfo> infos) {
        int maxlen = 30;
        List<String> specs = new ArrayList<>(infos.size());
        for (ProcessInfo info : infos) {
            String ns = NameSpec.format(info.group(), info.name());
            specs.add(ns);
            maxlen = Math.max(maxlen, ns.length());
        }
        for (int i = 0; i < infos.size(); i++) {
            ProcessInfo info = infos.get(i);
            ctl.output(pad(specs.get(i), maxlen + 3) + pad(info.statename(), 10) + info.description());
        }
    }

    static String pad(String s, int width) {
        int len = s.codePointCount(0, s.length());
        return len >= width ? s : s + " ".repeat(width - len);
    }
}
