package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.process.testing.ProcessFixture;

class PriorityOrderTest {
    private final ProcessFixture fx = new ProcessFixture();

    private ProcessGroup group(String name, int priority) {
        return fx.group(name, priority, program(name + "1").build());
    }

    @Test
    void groupsAscendStablyAndShutdownIsTheExactReverse() {
        List<ProcessGroup> groups = List.of(group("web", 999), group("db", 1), group("listener", -1),
                group("cache", 999), group("queue", 1));

        assertThat(PriorityOrder.groupsAscending(groups)).extracting(ProcessGroup::name)
                .containsExactly("listener", "db", "queue", "web", "cache");
        assertThat(PriorityOrder.groupsForShutdown(groups)).extracting(ProcessGroup::name)
                .containsExactly("cache", "web", "queue", "db", "listener");
    }

    @Test
    void processesAscendStablyAndDescendAsSortThenReverse() {
        ProcessGroup g = fx.group("g", 1, program("x").priority(5).build(), program("y").priority(1).build(),
                program("z").priority(5).build());

        assertThat(PriorityOrder.processesAscending(g.processes())).extracting(Subprocess::name)
                .containsExactly("y", "x", "z");
        assertThat(PriorityOrder.processesDescending(g.processes())).extracting(Subprocess::name)
                .containsExactly("z", "x", "y");
    }
}
