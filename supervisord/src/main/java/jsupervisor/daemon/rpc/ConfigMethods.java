package jsupervisor.daemon.rpc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.config.ConfigDiff;
import jsupervisor.daemon.config.ConfigException;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.process.ProcessGroup;

/**
 * reloadConfig, addProcessGroup, removeProcessGroup and getAllConfigInfo (REFERENCE §3.7): a reread replaces the
 * <em>stored</em> group configs (Supervisor's {@code options.process_group_configs}) and reports the
 * {@link ConfigDiff} against the running groups; add and remove then act on the stored list.
 *
 * <p>Loop-confined: {@code stored} is read and replaced only inside loop commands.
 */
final class ConfigMethods {
    private final LoopCalls calls;
    private final ConfigSource source;
    private List<GroupConfig> stored;
    private boolean adopted;

    ConfigMethods(LoopCalls calls, ConfigSource source, List<GroupConfig> initial) {
        this.calls = calls;
        this.source = source;
        this.stored = new ArrayList<>(initial);
    }

    /**
     * The stored configs. Supervisor's {@code add_process_group} resolves AUTO log names <em>in</em> the stored
     * config objects ({@code after_setuid}), so until a reread they show the real paths of the active groups;
     * the first use on the loop, before any group can have been removed, adopts the resolved config of the group
     * made from each (by identity: a program and a group may share a name).
     */
    private List<GroupConfig> stored() {
        if (!adopted) {
            adopted = true;
            stored.replaceAll(g -> calls.loop().groupCreatedFrom(g).map(ProcessGroup::config).orElse(g));
        }
        return stored;
    }

    CompletableFuture<XmlRpcValue> reloadConfig() {
        return calls.run(() -> {
            try {
                stored = new ArrayList<>(source.load().groups());
                adopted = true; // fresh configs show 'auto' until their group is added
            } catch (ConfigException e) {
                throw FaultMapping.configError(e);
            }
            List<GroupConfig> running = calls.loop().groups().stream().map(ProcessGroup::config).toList();
            ConfigDiff diff = ConfigDiff.between(running, stored());
            // "cannot return len > 1, apparently": one array holding the three name arrays
            return XmlRpcValue.array(XmlRpcValue.array(names(diff.added()), names(diff.changed()),
                    names(diff.removed())));
        });
    }

    private static XmlRpcValue names(List<GroupConfig> groups) {
        return XmlRpcValue.array(groups.stream().map(g -> XmlRpcValue.of(g.name())).toList());
    }

    CompletableFuture<XmlRpcValue> addProcessGroup(String name) {
        return calls.run(() -> {
            int index = indexOf(name);
            if (calls.loop().group(name).isPresent()) {
                throw new RpcFault(Fault.ALREADY_ADDED, name);
            }
            stored.set(index, calls.loop().addGroup(stored.get(index)).config());
            return XmlRpcValue.of(true);
        });
    }

    private int indexOf(String name) {
        List<GroupConfig> all = stored();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new RpcFault(Fault.BAD_NAME, name);
    }

    CompletableFuture<XmlRpcValue> removeProcessGroup(String name) {
        return calls.run(() -> {
            stored(); // adopted while the group is still there: a later add reuses its AUTO log names
            ProcessGroup group = calls.loop().group(name).orElseThrow(() -> new RpcFault(Fault.BAD_NAME, name));
            if (!group.unstoppedProcesses().isEmpty()) {
                throw new RpcFault(Fault.STILL_RUNNING, name);
            }
            calls.loop().removeGroup(group);
            return XmlRpcValue.of(true);
        });
    }

    /** One struct per stored process config, sorted by process name only (stable). */
    CompletableFuture<XmlRpcValue> getAllConfigInfo() {
        return calls.run(() -> {
            List<XmlRpcValue.Struct> out = new ArrayList<>();
            for (GroupConfig g : stored()) {
                boolean inuse = calls.loop().group(g.name()).isPresent();
                g.processes().forEach(p -> out.add(ConfigInfo.struct(g, p, inuse)));
            }
            out.sort(Comparator.comparing(s -> s.getString("name")));
            return XmlRpcValue.array(out);
        });
    }
}
