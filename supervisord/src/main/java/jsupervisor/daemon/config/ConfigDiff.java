package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code reread} reports and {@code update} applies: the difference between the running groups and a freshly
 * read configuration, by group name; mirrors {@code supervisor/supervisord.py diff_to_active}. Immutable.
 *
 * <p>Two groups with the same name are the same when {@link #sameGroup} says so, which follows the
 * {@code __eq__} methods of {@code supervisor/options.py}: name, priority and the ordered process configs; a
 * listener pool also compares buffer size, events and result handler, an fcgi group its socket URL. A process
 * compares every option Supervisor's {@code ProcessConfig} lists except that an AUTO log file matches any path
 * (the running copy has its AUTO name resolved, the fresh one does not), and {@code user} is not compared (its
 * resolution {@code uid} is).
 *
 * @param added   in the new configuration but not running, in new-configuration order
 * @param changed in both but different, in new-configuration order (the new configs)
 * @param removed running but not in the new configuration, in running order (the running configs)
 */
public record ConfigDiff(List<GroupConfig> added, List<GroupConfig> changed, List<GroupConfig> removed) {
    public ConfigDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Compares the running group configs with a new configuration's. */
    public static ConfigDiff between(List<GroupConfig> running, List<GroupConfig> fresh) {
        Map<String, GroupConfig> current = new HashMap<>();
        running.forEach(g -> current.put(g.name(), g));
        Set<String> freshNames = new HashSet<>();
        List<GroupConfig> added = new ArrayList<>();
        List<GroupConfig> changed = new ArrayList<>();
        for (GroupConfig g : fresh) {
            freshNames.add(g.name());
            GroupConfig cur = current.get(g.name());
            if (cur == null) {
                added.add(g);
            } else if (!sameGroup(g, cur)) {
                changed.add(g);
            }
        }
        List<GroupConfig> removed = running.stream().filter(g -> !freshNames.contains(g.name())).toList();
        return new ConfigDiff(added, changed, removed);
    }

    /** Whether reread would call these configs equal ({@code ProcessGroupConfig.__eq__} and subclasses). */
    public static boolean sameGroup(GroupConfig a, GroupConfig b) {
        if (!a.name().equals(b.name()) || a.priority() != b.priority() || !sameKind(a.kind(), b.kind())) {
            return false;
        }
        if (!Objects.equals(a.listenerPool(), b.listenerPool())) {
            return false;
        }
        String urlA = a.fcgiSocket() == null ? null : a.fcgiSocket().url();
        String urlB = b.fcgiSocket() == null ? null : b.fcgiSocket().url();
        if (!Objects.equals(urlA, urlB) || a.processes().size() != b.processes().size()) {
            return false;
        }
        for (int i = 0; i < a.processes().size(); i++) {
            if (!sameProcess(a.processes().get(i), b.processes().get(i))) {
                return false;
            }
        }
        return true;
    }

    /** [program:x] and [group:x] are the same Python class; listener pools and fcgi groups are not. */
    private static boolean sameKind(GroupKind a, GroupKind b) {
        return a == b || (a == GroupKind.PROGRAM || a == GroupKind.GROUP) && (b == GroupKind.PROGRAM
                || b == GroupKind.GROUP);
    }

    /** {@code ProcessConfig.__eq__} over {@code req_param_names + optional_param_names}. */
    public static boolean sameProcess(ProcessConfig a, ProcessConfig b) {
        return a.name().equals(b.name()) && Objects.equals(a.uid(), b.uid()) && a.command().equals(b.command())
                && Objects.equals(a.directory(), b.directory()) && Objects.equals(a.umask(), b.umask())
                && a.priority() == b.priority() && a.autostart() == b.autostart()
                && a.autorestart() == b.autorestart() && a.startsecs() == b.startsecs()
                && a.startretries() == b.startretries() && sameChannel(a.stdout(), b.stdout())
                && sameChannel(a.stderr(), b.stderr()) && a.stopsignal() == b.stopsignal()
                && a.stopwaitsecs() == b.stopwaitsecs() && a.stopasgroup() == b.stopasgroup()
                && a.killasgroup() == b.killasgroup() && a.exitcodes().equals(b.exitcodes())
                && a.redirectStderr() == b.redirectStderr() && a.environment().equals(b.environment())
                && Objects.equals(a.serverurl(), b.serverurl());
    }

    private static boolean sameChannel(ChannelConfig a, ChannelConfig b) {
        // Automatic on either side is skipped by the comparison (options.py ProcessConfig.__eq__)
        boolean auto = a.logfile().kind() == LogTarget.Kind.AUTO || b.logfile().kind() == LogTarget.Kind.AUTO;
        return (auto || a.logfile().equals(b.logfile())) && a.logfileMaxbytes() == b.logfileMaxbytes()
                && a.logfileBackups() == b.logfileBackups() && a.captureMaxbytes() == b.captureMaxbytes()
                && a.eventsEnabled() == b.eventsEnabled() && a.syslog() == b.syslog();
    }
}
