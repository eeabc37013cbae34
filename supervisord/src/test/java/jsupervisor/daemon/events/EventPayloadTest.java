package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import jsupervisor.daemon.process.ProcessState;
import jsupervisor.daemon.process.ProcessStateChange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Payloads per REFERENCE §10.1 and {@code supervisor/events.py}, including its verified examples. */
class EventPayloadTest {

    static Stream<Arguments> payloads() {
        return Stream.of(
                // verified examples
                Arguments.of(state(ProcessState.STARTING, "listener", "listener", ProcessState.STOPPED, 0, 0),
                        "PROCESS_STATE_STARTING", "processname:listener groupname:listener from_state:STOPPED tries:0"),
                Arguments.of(state(ProcessState.RUNNING, "comm", "comm", ProcessState.STARTING, 0, 24839),
                        "PROCESS_STATE_RUNNING", "processname:comm groupname:comm from_state:STARTING pid:24839"),
                Arguments.of(ProcessGroupEvent.added("listener"), "PROCESS_GROUP_ADDED", "groupname:listener\n"),
                Arguments.of(new TickEvent(EventType.TICK_5, 1795497215L), "TICK_5", "when:1795497215"),
                Arguments.of(new RemoteCommunicationEvent("mytype", "my data"), "REMOTE_COMMUNICATION",
                        "type:mytype\nmy data"),
                Arguments.of(ProcessCommunicationEvent.of(Channel.STDOUT, "comm", "comm", 24839,
                        bytes("captured data")), "PROCESS_COMMUNICATION_STDOUT",
                        "processname:comm groupname:comm pid:24839\ncaptured data"),
                // the rest of the table
                Arguments.of(state(ProcessState.STOPPED, "p", "g", ProcessState.STOPPING, 0, 42),
                        "PROCESS_STATE_STOPPED", "processname:p groupname:g from_state:STOPPING pid:42"),
                Arguments.of(state(ProcessState.STOPPED, "p", "g", ProcessState.BACKOFF, 3, 0),
                        "PROCESS_STATE_STOPPED", "processname:p groupname:g from_state:BACKOFF pid:0"),
                Arguments.of(new ProcessStateEvent(ProcessState.EXITED, "p", "g", ProcessState.RUNNING, true, 0, 7),
                        "PROCESS_STATE_EXITED", "processname:p groupname:g from_state:RUNNING expected:1 pid:7"),
                Arguments.of(new ProcessStateEvent(ProcessState.EXITED, "p", "g", ProcessState.RUNNING, false, 0, 7),
                        "PROCESS_STATE_EXITED", "processname:p groupname:g from_state:RUNNING expected:0 pid:7"),
                Arguments.of(state(ProcessState.STOPPING, "p", "g", ProcessState.RUNNING, 0, 9),
                        "PROCESS_STATE_STOPPING", "processname:p groupname:g from_state:RUNNING pid:9"),
                Arguments.of(state(ProcessState.BACKOFF, "p", "g", ProcessState.STARTING, 2, 0),
                        "PROCESS_STATE_BACKOFF", "processname:p groupname:g from_state:STARTING tries:2"),
                Arguments.of(state(ProcessState.FATAL, "p", "g", ProcessState.BACKOFF, 4, 0),
                        "PROCESS_STATE_FATAL", "processname:p groupname:g from_state:BACKOFF"),
                Arguments.of(state(ProcessState.UNKNOWN, "p", "g", ProcessState.STOPPING, 0, 5),
                        "PROCESS_STATE_UNKNOWN", "processname:p groupname:g from_state:STOPPING"),
                Arguments.of(ProcessLogEvent.of(Channel.STDOUT, "p", "g", 12, bytes("hello\n")),
                        "PROCESS_LOG_STDOUT", "processname:p groupname:g pid:12 channel:stdout\nhello\n"),
                Arguments.of(ProcessLogEvent.of(Channel.STDERR, "p", "g", 12, bytes("oops")),
                        "PROCESS_LOG_STDERR", "processname:p groupname:g pid:12 channel:stderr\noops"),
                Arguments.of(ProcessCommunicationEvent.of(Channel.STDERR, "p", "g", 3, bytes("x")),
                        "PROCESS_COMMUNICATION_STDERR", "processname:p groupname:g pid:3\nx"),
                Arguments.of(SupervisorStateChangeEvent.RUNNING, "SUPERVISOR_STATE_CHANGE_RUNNING", ""),
                Arguments.of(SupervisorStateChangeEvent.STOPPING, "SUPERVISOR_STATE_CHANGE_STOPPING", ""),
                Arguments.of(new TickEvent(EventType.TICK_60, 1795497180L), "TICK_60", "when:1795497180"),
                Arguments.of(new TickEvent(EventType.TICK_3600, 1795496400L), "TICK_3600", "when:1795496400"),
                Arguments.of(ProcessGroupEvent.removed("web"), "PROCESS_GROUP_REMOVED", "groupname:web\n"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void payloadIsSupervisorsText(Event event, String eventName, String payload) {
        assertThat(event.type().wireName()).isEqualTo(eventName);
        assertThat(event.type().isAbstract()).isFalse();
        assertThat(event.payload()).isEqualTo(payload);
    }

    @Test
    void stateEventTakesTheValuesOfTheChange() {
        ProcessStateChange change = new ProcessStateChange(null, "grp", "proc", ProcessState.STARTING,
                ProcessState.BACKOFF, false, 1, 0);
        assertThat(ProcessStateEvent.of(change).payload())
                .isEqualTo("processname:proc groupname:grp from_state:STARTING tries:1");
    }

    @Test
    void undecodableDataIsPythonsReprOfTheBytes() {
        byte[] data = {'o', 'k', (byte) 0xff, 0, '\n', '\'', '\\', 0x7f, '\t', '\r'};
        assertThat(ProcessLogEvent.of(Channel.STDOUT, "p", "g", 1, data).payload())
                .isEqualTo("processname:p groupname:g pid:1 channel:stdout\n"
                        + "Undecodable: b\"ok\\xff\\x00\\n'\\\\\\x7f\\t\\r\"");
        assertThat(ProcessCommunicationEvent.of(Channel.STDOUT, "p", "g", 1, new byte[] {(byte) 0xc3}).payload())
                .isEqualTo("processname:p groupname:g pid:1\nUndecodable: b'\\xc3'");
    }

    @Test
    void bytesReprQuotesLikePython() {
        // expectations printed by /usr/bin/python3 repr()
        assertThat(EventData.bytesRepr("a'b\"c".getBytes(StandardCharsets.US_ASCII))).isEqualTo("b'a\\'b\"c'");
        assertThat(EventData.bytesRepr("it's".getBytes(StandardCharsets.US_ASCII))).isEqualTo("b\"it's\"");
        assertThat(EventData.bytesRepr(new byte[0])).isEqualTo("b''");
    }

    @Test
    void encodedSurrogatesAreUndecodableAsInPython() {
        assertThat(EventData.render(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}))
                .isEqualTo("Undecodable: b'\\xed\\xa0\\x80'");
        assertThat(EventData.render("té✓😀".getBytes(StandardCharsets.UTF_8))).isEqualTo("té✓😀");
    }

    @Test
    void recordsRefuseTypesOfTheWrongFamily() {
        assertThatThrownBy(() -> new TickEvent(EventType.TICK, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProcessGroupEvent(EventType.TICK_5, "g"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SupervisorStateChangeEvent(EventType.SUPERVISOR_STATE_CHANGE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ProcessStateEvent state(ProcessState to, String name, String group, ProcessState from, int tries,
                                           int pid) {
        return new ProcessStateEvent(to, name, group, from, false, tries, pid);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
