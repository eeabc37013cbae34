package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void everyTypeIsAnEvent() {
        assertThat(EventType.values()).allMatch(t -> t.isSubtypeOf(EventType.EVENT));
    }

    @Test
    void abstractTypesAreExactlySupervisorsAbstractClasses() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::isAbstract).toList()).containsExactly(
                EventType.EVENT, EventType.PROCESS_STATE, EventType.PROCESS_LOG, EventType.PROCESS_COMMUNICATION,
                EventType.SUPERVISOR_STATE_CHANGE, EventType.TICK, EventType.PROCESS_GROUP);
    }

    @Test
    void subtypesFollowThePythonClassHierarchy() {
        assertThat(EventType.PROCESS_STATE_RUNNING.isSubtypeOf(EventType.PROCESS_STATE)).isTrue();
        assertThat(EventType.PROCESS_STATE_RUNNING.isSubtypeOf(EventType.PROCESS_STATE_RUNNING)).isTrue();
        assertThat(EventType.PROCESS_STATE.isSubtypeOf(EventType.PROCESS_STATE_RUNNING)).isFalse();
        assertThat(EventType.TICK_5.isSubtypeOf(EventType.TICK)).isTrue();
        assertThat(EventType.TICK_5.isSubtypeOf(EventType.TICK_60)).isFalse();
        assertThat(EventType.PROCESS_LOG_STDERR.isSubtypeOf(EventType.PROCESS_COMMUNICATION)).isFalse();
        assertThat(EventType.REMOTE_COMMUNICATION.parent()).contains(EventType.EVENT);
        assertThat(EventType.EVENT.parent()).isEmpty();
    }

    @Test
    void wireNamesMatchTheConfigLoadersList() {
        List<String> names = Arrays.stream(EventType.values()).map(EventType::wireName).toList();
        assertThat(names).hasSize(27).contains("PROCESS_COMMUNICATION_STDOUT", "TICK_3600", "PROCESS_GROUP_ADDED");
        assertThat(EventType.fromWireName("TICK_60")).contains(EventType.TICK_60);
        assertThat(EventType.fromWireName("tick_60")).isEmpty();
    }
}
