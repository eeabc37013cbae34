package jsupervisor.daemon.rpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jsupervisor.common.api.Fault;
import jsupervisor.common.api.NameSpec;
import jsupervisor.daemon.loop.LoopAccess;
import jsupervisor.daemon.process.PriorityOrder;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.Subprocess;

/**
 * Namespec lookup against the active groups; mirrors {@code rpcinterface.py _getGroupAndProcess} and
 * {@code _getAllProcesses}. A miss is {@code BAD_NAME: <name as given>}. Loop-confined (it reads the process
 * table).
 */
final class ProcessNames {
    /** A group, and one of its processes or null when the whole group was named. */
    record Target(ProcessGroup group, Subprocess process) {}

    private final LoopAccess loop;

    ProcessNames(LoopAccess loop) {
        this.loop = loop;
    }

    /** {@code group:proc}, {@code group:*} / {@code group:}, or {@code name} for {@code name:name}. */
    Target resolve(String name) {
        NameSpec spec = NameSpec.parse(name);
        ProcessGroup group = loop.group(spec.group()).orElseThrow(() -> new RpcFault(Fault.BAD_NAME, name));
        if (spec.isGroup()) {
            return new Target(group, null);
        }
        Subprocess p = group.process(spec.process()).orElseThrow(() -> new RpcFault(Fault.BAD_NAME, name));
        return new Target(group, p);
    }

    /** A single process; a group spec is BAD_NAME too. */
    Subprocess process(String name) {
        Target t = resolve(name);
        if (t.process() == null) {
            throw new RpcFault(Fault.BAD_NAME, name);
        }
        return t.process();
    }

    /** An active group by its plain name (startProcessGroup and friends). */
    ProcessGroup group(String name) {
        return loop.group(name).orElseThrow(() -> new RpcFault(Fault.BAD_NAME, name));
    }

    /** Every process, groups then processes in ascending priority (start/stop/signal all, clearAll). */
    List<Subprocess> byPriority() {
        List<Subprocess> out = new ArrayList<>();
        for (ProcessGroup g : PriorityOrder.groupsAscending(loop.groups())) {
            out.addAll(PriorityOrder.processesAscending(g.processes()));
        }
        return out;
    }

    /** Every process, by group name then process name (getAllProcessInfo's lexical order). */
    List<Subprocess> lexical() {
        List<Subprocess> out = new ArrayList<>();
        for (ProcessGroup g : loop.groups().stream().sorted(Comparator.comparing(ProcessGroup::name)).toList()) {
            g.processes().stream().sorted(Comparator.comparing(Subprocess::name)).forEach(out::add);
        }
        return out;
    }

    static String namespec(Subprocess p) {
        return NameSpec.format(p.groupName(), p.name());
    }
}
