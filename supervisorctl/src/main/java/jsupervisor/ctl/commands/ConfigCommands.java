package jsupervisor.ctl.commands;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import jsupervisor.common.api.Fault;
import jsupervisor.common.api.NameSpec;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.CommandLine;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;
import jsupervisor.ctl.ExitStatus;
import jsupervisor.ctl.Supervisor;

/**
 * {@code avail}, {@code reread}, {@code add}, {@code remove} and {@code update} (REFERENCE §9.4): the commands
 * that work on the configuration, mirroring their {@code do_*} methods. None runs the upcheck. Stateless apart
 * from the controller.
 */
public final class ConfigCommands {
    static final String HELP_AVAIL = "avail\t\t\tDisplay all configured processes";
    static final String HELP_REREAD = "reread \t\t\tReload the daemon's configuration files without add/remove";
    static final String HELP_ADD = "add <name> [...]\tActivates any updates in config for process/group";
    static final String HELP_REMOVE = "remove <name> [...]\tRemoves process/group from active config";
    private static final String RELOAD =
            "Reload config and add/remove as necessary, and will restart affected programs";
    static final String HELP_UPDATE = "update\t\t\t" + RELOAD + "\n"
            + "update all\t\t" + RELOAD + "\n"
            + "update <gname> [...]\tUpdate specific groups";

    private final Controller ctl;

    public ConfigCommands(Controller ctl) {
        this.ctl = ctl;
    }

    public List<CtlCommand> commands() {
        return List.of(
                new CtlCommand("avail", this::avail, HELP_AVAIL),
                new CtlCommand("reread", this::reread, HELP_REREAD),
                new CtlCommand("add", this::add, HELP_ADD),
                new CtlCommand("remove", this::remove, HELP_REMOVE),
                new CtlCommand("update", this::update, HELP_UPDATE));
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

    boolean avail(String arg) throws Exception {
        if (!noArgs("avail", arg, HELP_AVAIL)) {
            return false;
        }
        List<XmlRpcValue.Struct> infos;
        try {
            infos = ctl.supervisor().getAllConfigInfo();
        } catch (XmlRpcFault e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.faultCode() != Fault.SHUTDOWN_STATE.code()) {
                throw e;
            }
            ctl.output("ERROR: supervisor shutting down");
            return false;
        }
        for (XmlRpcValue.Struct c : infos) {
            String name = NameSpec.format(c.getString("group"), c.getString("name"));
            String inuse = c.getBoolean("inuse") ? "in use" : "avail";
            String auto = c.getBoolean("autostart") ? "auto" : "manual";
            String prio = c.get("group_prio").asLong() + ":" + c.get("process_prio").asLong();
            ctl.output(StatusCommand.pad(name, 32) + " " + StatusCommand.pad(inuse, 9) + " "
                    + StatusCommand.pad(auto, 9) + " " + prio);
        }
        return false;
    }

    boolean reread(String arg) throws Exception {
        if (!noArgs("reread", arg, HELP_REREAD)) {
            return false;
        }
        List<List<String>> changes;
        try {
            changes = ctl.supervisor().reloadConfig();
        } catch (XmlRpcFault e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.faultCode() == Fault.SHUTDOWN_STATE.code()) {
                ctl.output("ERROR: supervisor shutting down");
            } else if (e.faultCode() == Fault.CANT_REREAD.code()) {
                ctl.output("ERROR: " + e.faultString());
            } else {
                throw e;
            }
            return false;
        }
        // mirrors _formatChanges: a dict update, so a later kind wins for a repeated name
        String[] kinds = {"available", "changed", "disappeared"};
        TreeMap<String, String> byName = new TreeMap<>();
        for (int i = 0; i < 3; i++) {
            for (String n : changes.get(i)) {
                byName.put(n, kinds[i]);
            }
        }
        if (byName.isEmpty()) {
            ctl.output("No config updates to processes");
        }
        byName.forEach((n, kind) -> ctl.output(n + ": " + kind));
        return false;
    }

    boolean add(String arg) throws Exception {
        Supervisor supervisor = ctl.supervisor();
        for (String name : CommandLine.split(arg)) {
            try {
                supervisor.addProcessGroup(name);
                ctl.output(name + ": added process group");
            } catch (XmlRpcFault e) {
                if (e.faultCode() == Fault.SHUTDOWN_STATE.code()) {
                    ctl.output("ERROR: shutting down");
                    ctl.setExitStatus(ExitStatus.GENERIC);
                } else if (e.faultCode() == Fault.ALREADY_ADDED.code()) {
                    ctl.output("ERROR: process group already active");
                } else if (e.faultCode() == Fault.BAD_NAME.code()) {
                    ctl.output("ERROR: no such process/group: " + name);
                    ctl.setExitStatus(ExitStatus.GENERIC);
                } else {
                    ctl.setExitStatus(ExitStatus.GENERIC);
                    throw e;
                }
            }
        }
        return false;
    }

    boolean remove(String arg) throws Exception {
        Supervisor supervisor = ctl.supervisor();
        for (String name : CommandLine.split(arg)) {
            try {
                supervisor.removeProcessGroup(name);
                ctl.output(name + ": removed process group");
            } catch (XmlRpcFault e) {
                ctl.setExitStatus(ExitStatus.GENERIC);
                if (e.faultCode() == Fault.STILL_RUNNING.code()) {
                    ctl.output("ERROR: process/group still running: " + name);
                } else if (e.faultCode() == Fault.BAD_NAME.code()) {
                    ctl.output("ERROR: no such process/group: " + name);
                } else {
                    throw e;
                }
            }
        }
        return false;
    }

    boolean update(String arg) throws Exception {
        Supervisor supervisor = ctl.supervisor();
        List<List<String>> changes;
        try {
            changes = supervisor.reloadConfig();
        } catch (XmlRpcFault e) {
            ctl.setExitStatus(ExitStatus.GENERIC);
            if (e.faultCode() != Fault.SHUTDOWN_STATE.code()) {
                throw e;
            }
            ctl.output("ERROR: already shutting down");
            return false;
        }
        List<String> added = changes.get(0);
        List<String> changed = changes.get(1);
        List<String> removed = changes.get(2);
        // a Python set: the order of its error lines is not defined; insertion order is as good as any
        Set<String> valid = new LinkedHashSet<>(CommandLine.split(arg));
        if (valid.contains("all")) {
            valid.clear();
        }
        if (!valid.isEmpty()) {
            Set<String> groups = new HashSet<>();
            for (ProcessInfo info : supervisor.getAllProcessInfo()) {
                groups.add(info.group());
            }
            groups.addAll(added);
            for (String g : valid) {
                if (!groups.contains(g)) {
                    ctl.output("ERROR: no such group: " + g);
                    ctl.setExitStatus(ExitStatus.GENERIC);
                }
            }
        }
        for (String g : removed) {
            if (!valid.isEmpty() && !valid.contains(g)) {
                continue;
            }
            List<Supervisor.Result> results = supervisor.stopProcessGroup(g);
            ctl.output(g + ": stopped");
            List<Supervisor.Result> fails = new ArrayList<>();
            for (Supervisor.Result r : results) {
                if (r.status() == Fault.FAILED.code()) {
                    fails.add(r);
                }
            }
            if (!fails.isEmpty()) {
                ctl.output(g + ": has problems; not removing");
                ctl.setExitStatus(ExitStatus.GENERIC);
                continue;
            }
            supervisor.removeProcessGroup(g);
            ctl.output(g + ": removed process group");
        }
        for (String g : changed) {
            if (!valid.isEmpty() && !valid.contains(g)) {
                continue;
            }
            supervisor.stopProcessGroup(g);
            ctl.output(g + ": stopped");
            supervisor.removeProcessGroup(g);
            supervisor.addProcessGroup(g);
            ctl.output(g + ": updated process group");
        }
        for (String g : added) {
            if (!valid.isEmpty() && !valid.contains(g)) {
                continue;
            }
            supervisor.addProcessGroup(g);
            ctl.output(g + ": added process group");
        }
        return false;
    }
}
