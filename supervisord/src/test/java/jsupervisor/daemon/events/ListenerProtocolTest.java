package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The listener protocol of REFERENCE §10.3, token by token, with the exact log lines. */
class ListenerProtocolTest {
    private static final String UNKNOWN_WARNING = "WARN l: has entered the UNKNOWN state and will no longer receive "
            + "events, this usually indicates the process violated the eventlistener protocol";

    private final RecordingLog log = new RecordingLog();
    private final List<PostedEvent> requeued = new ArrayList<>();
    private ResultHandler handler = ResultHandler.DEFAULT;
    private final ListenerProtocol protocol = new ListenerProtocol("l", log, (e, r) -> handler.handle(e, r),
            requeued::add);
    private final PostedEvent event = new PostedEvent(SupervisorStateChangeEvent.RUNNING, 7);

    @Test
    void startsAcknowledgedAndReadyMakesItReady() {
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        feed("READY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
        assertThat(log.take()).containsExactly("DEBG l: ACKNOWLEDGED -> READY");
    }

    @Test
    void readySplitAcrossReadsWaitsForSixBytes() {
        feed("RE");
        feed("ADY");
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        feed("\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
    }

    @Test
    void anyOtherFirstSixBytesMakeItUnknown() {
        feed("READX\nREADY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
        assertThat(log.take()).containsExactly("DEBG l: ACKNOWLEDGED -> UNKNOWN", UNKNOWN_WARNING);
    }

    @Test
    void okIsProcessed() {
        busy();
        feed("RESULT 2\nOK");
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        assertThat(protocol.event()).isEmpty();
        assertThat(requeued).isEmpty();
        assertThat(log.take()).containsExactly("DEBG l: event was processed", "DEBG l: BUSY -> ACKNOWLEDGED");
    }

    @Test
    void sendingAnEventIsSilent() {
        feed("READY\n");
        log.take();
        protocol.sent(event);
        assertThat(protocol.state()).isEqualTo(ListenerState.BUSY);
        assertThat(protocol.event()).containsSame(event);
        assertThat(log.take()).isEmpty();
    }

    @Test
    void failIsRejectedAndRequeued() {
        busy();
        feed("RESULT 4\nFAIL");
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        assertThat(requeued).containsExactly(event);
        assertThat(log.take()).containsExactly("WARN l: event was rejected", "DEBG l: BUSY -> ACKNOWLEDGED");
    }

    @Test
    void severalTokensInOneRead() {
        busy();
        feed("RESULT 2\nOKREADY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
        assertThat(log.take()).containsExactly("DEBG l: event was processed", "DEBG l: BUSY -> ACKNOWLEDGED",
                "DEBG l: ACKNOWLEDGED -> READY");
    }

    @Test
    void resultSplitEverywhere() {
        busy();
        for (String piece : List.of("RES", "ULT", " 2", "\n", "O")) {
            feed(piece);
            assertThat(protocol.state()).isEqualTo(ListenerState.BUSY);
        }
        feed("K");
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        assertThat(requeued).isEmpty();
    }

    @Test
    void byteByByteFullCycle() {
        busy();
        for (byte b : "RESULT 4\nFAILREADY\n".getBytes(StandardCharsets.US_ASCII)) {
            protocol.feed(new byte[] {b});
        }
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
        assertThat(requeued).containsExactly(event);
    }

    @Test
    void firstSevenCharactersAreNotChecked() {
        busy();
        feed("XXXXXXX2\nOK");
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        assertThat(requeued).isEmpty();
    }

    @Test
    void lengthMayHaveSurroundingWhitespace() {
        busy();
        feed("RESULT  2 \r\nOK");
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        assertThat(requeued).isEmpty();
    }

    @Test
    void bodyIsExactlyNBytesSoTheRestIsTheNextToken() {
        busy();
        feed("RESULT 1\nOK"); // body "O"; "K" then arrives in ACKNOWLEDGED, too short to decide
        assertThat(requeued).containsExactly(event);
        feed("EADY\n"); // "KEADY\n" is not READY
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
    }

    @Test
    void badResultLineMakesItUnknownAndRequeues() {
        busy();
        feed("RESULT two\nOK");
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
        assertThat(requeued).containsExactly(event);
        assertThat(log.take()).containsExactly("WARN l: bad result line: 'RESULT two'",
                "DEBG l: BUSY -> UNKNOWN", UNKNOWN_WARNING);
    }

    @Test
    void shortResultLineIsBad() {
        busy();
        feed("OK\n");
        assertThat(log.take()).first().isEqualTo("WARN l: bad result line: 'OK'");
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
    }

    @Test
    void undecodableBadResultLineIsShownAsBytes() {
        busy();
        protocol.feed(new byte[] {'R', 'E', 'S', 'U', 'L', 'T', ' ', (byte) 0xff, '\n'});
        assertThat(log.take()).first().isEqualTo("WARN l: bad result line: 'Undecodable: b'RESULT \\xff''");
    }

    @Test
    void handlerFailureIsAnErrorAndRequeues() {
        handler = (e, r) -> {
            throw new IllegalStateException("boom");
        };
        busy();
        feed("RESULT 2\nOK");
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
        assertThat(requeued).containsExactly(event);
        assertThat(log.take()).containsExactly("WARN l: event caused an error", "DEBG l: BUSY -> UNKNOWN",
                UNKNOWN_WARNING);
    }

    @Test
    void dataWhileReadyMakesItUnknown() {
        feed("READY\n");
        feed("READY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
        assertThat(log.take()).containsExactly("DEBG l: ACKNOWLEDGED -> READY", "DEBG l: READY -> UNKNOWN",
                UNKNOWN_WARNING);
    }

    @Test
    void unknownIsTerminalUntilReset() {
        feed("hello!");
        log.take();
        feed("READY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.UNKNOWN);
        assertThat(log.take()).isEmpty();
        protocol.reset();
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
        assertThat(log.take()).isEmpty();
        feed("READY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
    }

    @Test
    void resetForgetsAPartialToken() {
        feed("REA");
        protocol.reset();
        feed("READY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
    }

    @Test
    void emptyResultIsJudgedOnlyWhenMoreDataArrives() {
        busy();
        feed("RESULT 0\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.BUSY);
        feed("READY\n"); // the empty body is judged (rejected), then READY is read
        assertThat(requeued).containsExactly(event);
        assertThat(protocol.state()).isEqualTo(ListenerState.READY);
    }

    @Test
    void negativeLengthLeavesItBusyForever() {
        busy();
        feed("RESULT -1\nOKREADY\n");
        feed("READY\n");
        assertThat(protocol.state()).isEqualTo(ListenerState.BUSY);
        assertThat(requeued).isEmpty();
    }

    @Test
    void deathWhileBusyHandsBackTheEvent() {
        busy();
        feed("RESULT 2\n");
        assertThat(protocol.takeEventOnExit()).containsSame(event);
        assertThat(protocol.takeEventOnExit()).isEmpty();
    }

    @Test
    void deathWhileReadyHoldsNothing() {
        feed("READY\n");
        assertThat(protocol.takeEventOnExit()).isEmpty();
    }

    @Test
    void emptyReadChangesNothing() {
        feed("REA");
        protocol.feed(new byte[0]);
        assertThat(protocol.state()).isEqualTo(ListenerState.ACKNOWLEDGED);
    }

    private void busy() {
        feed("READY\n");
        protocol.sent(event);
        log.take();
    }

    private void feed(String s) {
        protocol.feed(s.getBytes(StandardCharsets.UTF_8));
    }
}
