package jsupervisor.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jsupervisor.daemon.config.AutoRestart;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.ConfigDiff;
import jsupervisor.daemon.config.EventListenerPoolSettings;
import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.GroupKind;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.config.ProcessConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link ConfigDiff}, which reloadConfig reports: names, order, and what counts as a change (the {@code __eq__}
 * methods of supervisor/options.py).
 */
class ConfigDiffTest {
    private static ChannelConfig channel(LogTarget target) {
        return new ChannelConfig(target, 50 * 1024 * 1024, 10, 0, false, false);
    }

    private static ProcessConfig process(String name, String command) {
        return new ProcessConfig(name, command, null, null, 999, true, AutoRestart.UNEXPECTED, 1, 3, null, null,
                channel(LogTarget.AUTO), channel(LogTarget.AUTO), 15, 10, false, false, List.of(0), false,
                Map.of(), null);
    }

    private static GroupConfig group(String name, ProcessConfig... processes) {
        return new GroupConfig(GroupKind.PROGRAM, name, 999, List.of(processes), null, null);
    }

    private static List<String> names(List<GroupConfig> groups) {
        return groups.stream().map(GroupConfig::name).toList();
    }

    @Test
    void addedChangedRemovedByName() {
        List<GroupConfig> running = List.of(group("keep", process("keep", "a")), group("gone", process("gone", "a")),
                group("change", process("change", "a")));
        List<GroupConfig> fresh = List.of(group("new2", process("new2", "a")), group("change", process("change",
                "b")), group("keep", process("keep", "a")), group("new1", process("new1", "a")));
        ConfigDiff d = ConfigDiff.between(running, fresh);
        assertThat(names(d.added())).containsExactly("new2", "new1"); // new-config order
        assertThat(names(d.changed())).containsExactly("change");
        assertThat(names(d.removed())).containsExactly("gone");
        assertThat(d.changed().getFirst().processes().getFirst().command()).isEqualTo("b");
    }

    @Test
    void anAutoLogMatchesItsResolvedFile() {
        ProcessConfig fresh = process("p", "a");
        ProcessConfig resolved = new ProcessConfig("p", "a", null, null, 999, true, AutoRestart.UNEXPECTED, 1, 3,
                null, null, channel(LogTarget.file("/tmp/p-stdout---x.log")), channel(LogTarget.AUTO), 15, 10,
                false, false, List.of(0), false, Map.of(), null);
        assertThat(ConfigDiff.sameProcess(fresh, resolved)).isTrue();
        ProcessConfig otherFile = new ProcessConfig("p", "a", null, null, 999, true, AutoRestart.UNEXPECTED, 1, 3,
                null, null, channel(LogTarget.file("/tmp/b")), channel(LogTarget.AUTO), 15, 10, false, false,
                List.of(0), false, Map.of(), null);
        assertThat(ConfigDiff.sameProcess(resolved, otherFile)).isFalse();
    }

    @Test
    void everyComparedOptionCounts() {
        ProcessConfig base = process("p", "a");
        ProcessConfig env = new ProcessConfig("p", "a", null, null, 999, true, AutoRestart.UNEXPECTED, 1, 3, null,
                null, channel(LogTarget.AUTO), channel(LogTarget.AUTO), 15, 10, false, false, List.of(0), false,
                Map.of("A", "1"), null);
        ProcessConfig user = new ProcessConfig("p", "a", null, null, 999, true, AutoRestart.UNEXPECTED, 1, 3, null,
                "someone", channel(LogTarget.AUTO), channel(LogTarget.AUTO), 15, 10, false, false, List.of(0),
                false, Map.of(), null);
        assertThat(ConfigDiff.sameProcess(base, env)).isFalse();
        assertThat(ConfigDiff.sameProcess(base, user)).isTrue(); // user= is not compared, its uid is
        assertThat(ConfigDiff.sameGroup(group("g", base), group("g", base, process("q", "a")))).isFalse();
        assertThat(ConfigDiff.sameGroup(group("g", base),
                new GroupConfig(GroupKind.PROGRAM, "g", 5, List.of(base), null, null))).isFalse();
        assertThat(ConfigDiff.sameGroup(group("g", base),
                new GroupConfig(GroupKind.GROUP, "g", 999, List.of(base), null, null))).isTrue();
        assertThat(ConfigDiff.sameGroup(group("g", base), new GroupConfig(GroupKind.EVENTLISTENER, "g", 999,
                List.of(base), new EventListenerPoolSettings(10, List.of("TICK_5"), "x"), null))).isFalse();
    }

    @Test
    void nothingChangedIsEmpty() {
        List<GroupConfig> same = List.of(group("a", process("a", "x")));
        ConfigDiff d = ConfigDiff.between(same, same);
        assertThat(d.added()).isEmpty();
        assertThat(d.changed()).isEmpty();
        assertThat(d.removed()).isEmpty();
    }
}
