package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jsupervisor.daemon.process.ProcessState;

import org.junit.jupiter.api.Test;

/** The envelope of REFERENCE §10.2, against the verified complete events of §10.1. */
class EnvelopeTest {

    @Test
    void verifiedEventsAsReceivedByAListener() {
        assertThat(envelope(0, 0, ProcessGroupEvent.added("listener")).text()).isEqualTo(
                "ver:3.0 server:supervisor serial:0 pool:listener poolserial:0 eventname:PROCESS_GROUP_ADDED "
                        + "len:19\ngroupname:listener\n");
        assertThat(envelope(10, 10, new TickEvent(EventType.TICK_5, 1795497215L)).text()).isEqualTo(
                "ver:3.0 server:supervisor serial:10 pool:listener poolserial:10 eventname:TICK_5 len:15\n"
                        + "when:1795497215");
        assertThat(envelope(11, 11, new RemoteCommunicationEvent("mytype", "my data")).text()).isEqualTo(
                "ver:3.0 server:supervisor serial:11 pool:listener poolserial:11 eventname:REMOTE_COMMUNICATION "
                        + "len:19\ntype:mytype\nmy data");
        Event comm = ProcessCommunicationEvent.of(Channel.STDOUT, "comm", "comm", 24839,
                "captured data".getBytes(StandardCharsets.UTF_8));
        assertThat(envelope(6, 6, comm).text()).isEqualTo(
                "ver:3.0 server:supervisor serial:6 pool:listener poolserial:6 eventname:PROCESS_COMMUNICATION_STDOUT "
                        + "len:55\nprocessname:comm groupname:comm pid:24839\ncaptured data");
    }

    @Test
    void lengthCountsCodePointsWhileTheBytesAreUtf8() {
        Envelope e = envelope(3, 1, new RemoteCommunicationEvent("té", "déta"));
        assertThat(e.text()).endsWith(" len:12\ntype:té\ndéta");
        byte[] bytes = e.bytes();
        String header = e.text().substring(0, e.text().indexOf('\n') + 1);
        assertThat(bytes.length - header.length()).isEqualTo(14);
    }

    @Test
    void astralCharactersCountOnceAsInPython() {
        // "type:t\n" is 7 characters; the emoji is one code point (two UTF-16 chars, four UTF-8 bytes)
        assertThat(envelope(0, 0, new RemoteCommunicationEvent("t", "😀")).announcedLength()).isEqualTo(8);
    }

    @Test
    void emptyPayloadHasLengthZeroAndNothingAfterTheHeader() {
        assertThat(envelope(1, 2, SupervisorStateChangeEvent.RUNNING).text()).isEqualTo(
                "ver:3.0 server:supervisor serial:1 pool:listener poolserial:2 "
                        + "eventname:SUPERVISOR_STATE_CHANGE_RUNNING len:0\n");
    }

    @Test
    void envelopeOfAPostedEventUsesThatPoolsSerial() {
        PostedEvent posted = new PostedEvent(new ProcessStateEvent(ProcessState.FATAL, "a", "b",
                ProcessState.BACKOFF, false, 0, 0), 40);
        posted.assignPoolSerial("one", 3);
        posted.assignPoolSerial("two", 0);
        assertThat(Envelope.of("myid", posted, "two").text()).startsWith(
                "ver:3.0 server:myid serial:40 pool:two poolserial:0 eventname:PROCESS_STATE_FATAL len:");
    }

    private static Envelope envelope(int serial, int poolSerial, Event event) {
        return new Envelope("supervisor", serial, "listener", poolSerial, event.type(), event.payload());
    }
}
