package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Capture mode, REFERENCE §5.3, as {@code POutputDispatcher.record_output} does it. */
class CaptureModeTest {
    private static final String BEGIN = "<!--XSUPERVISOR:BEGIN-->";
    private static final String END = "<!--XSUPERVISOR:END-->";

    private final RecordingLog mainLog = new RecordingLog();
    private final List<String> logged = new ArrayList<>(); // "file:<data>" or "capture:<data>"
    private final List<Event> published = new ArrayList<>();
    private int pid = 4242;

    private CaptureMode capture(int maxBytes) {
        return capture(maxBytes, data -> data);
    }

    private CaptureMode capture(int maxBytes, java.util.function.UnaryOperator<byte[]> strip) {
        CaptureMode.Log log = (data, capturing) -> {
            byte[] out = strip.apply(data);
            logged.add((capturing ? "capture:" : "file:") + new String(out, StandardCharsets.UTF_8));
            return out;
        };
        return new CaptureMode(new CaptureMode.Spec("comm", "grp", Channel.STDOUT, maxBytes), () -> pid, log,
                published::add, mainLog);
    }

    @Test
    void disabledCaptureLogsEverythingAtOnceAndIgnoresTokens() {
        CaptureMode c = capture(0);
        c.feed(bytes("hi\n"));
        c.feed(bytes(BEGIN + "x" + END));
        assertThat(logged).containsExactly("file:hi\n", "file:" + BEGIN + "x" + END);
        assertThat(published).isEmpty();
    }

    @Test
    void capturedDataBecomesACommEventAndIsNotWrittenToTheFile() {
        CaptureMode c = capture(1024);
        c.feed(bytes("xx" + BEGIN + "hello" + END + "after that is long enough!!!"));
        assertThat(logged).containsExactly("file:xx", "capture:hello", "file:after that is long enough!!!");
        assertThat(published).containsExactly(new ProcessCommunicationEvent(Channel.STDOUT, "comm", "grp", 4242,
                "hello"));
        assertThat(mainLog.take()).containsExactly("DEBG 'comm' stdout emitted a comm event");
        assertThat(c.isCapturing()).isFalse();
    }

    @Test
    void shortOutputIsHeldBackUntilMoreArrives() {
        CaptureMode c = capture(1024);
        c.feed(bytes("hi\n"));
        assertThat(logged).isEmpty();
        c.feed(bytes("this line makes it long enough\n"));
        assertThat(logged).containsExactly("file:hi\nthis line makes it long enough\n");
    }

    @Test
    void tokensSplitAcrossReads() {
        CaptureMode c = capture(1024);
        c.feed(bytes("abc<!--XSUPER"));
        assertThat(logged).isEmpty();
        c.feed(bytes("VISOR:BEGIN-->"));
        assertThat(logged).containsExactly("file:abc");
        assertThat(c.isCapturing()).isTrue();
        c.feed(bytes("payload<!--XSUPERVISOR:E"));
        assertThat(logged).containsExactly("file:abc", "capture:payload");
        c.feed(bytes("ND-->"));
        assertThat(published).as("a complete END token alone is still held back").isEmpty();
        c.feed(bytes("\n"));
        assertThat(published).extracting(Event::payload).containsExactly("processname:comm groupname:grp pid:4242\n"
                + "payload");
        assertThat(logged).containsExactly("file:abc", "capture:payload");
    }

    @Test
    void aPartialTokenAtTheEndIsHeldBackAndTheRestLogged() {
        CaptureMode c = capture(1024);
        c.feed(bytes("0123456789012345678901234567<!--XSUP"));
        assertThat(logged).containsExactly("file:0123456789012345678901234567");
        c.feed(bytes("PLIED: not a token at all, just text"));
        assertThat(logged).last().isEqualTo("file:<!--XSUPPLIED: not a token at all, just text");
    }

    @Test
    void severalMessagesInOneRead() {
        CaptureMode c = capture(1024);
        c.feed(bytes(BEGIN + "one" + END + BEGIN + "two" + END + "and a tail long enough to log"));
        assertThat(published).extracting(e -> ((ProcessCommunicationEvent) e).data()).containsExactly("one", "two");
        assertThat(logged).containsExactly("capture:one", "capture:two", "file:and a tail long enough to log");
    }

    @Test
    void captureBufferDropsBeforeAppendingSoItCanExceedTheBound() {
        CaptureMode c = capture(6);
        c.feed(bytes(BEGIN + "abcd")); // "abcd" (4 <= len(END)) is held back, not yet captured
        c.feed(bytes("efghijklmnopqrstuvwxyz")); // 26 bytes logged at once: 0 + 26 > 6, drop 26 of 0, append
        c.feed(bytes("12" + END + "and a tail long enough to log")); // 26 + 2 > 6: drop the first 2, append
        assertThat(((ProcessCommunicationEvent) published.get(0)).data()).isEqualTo("cdefghijklmnopqrstuvwxyz12");
    }

    @Test
    void aHeldPartialEndThatIsNotAnEndIsCaptured() {
        CaptureMode c = capture(1024);
        c.feed(bytes(BEGIN + "abcd<!--XSUPERVISOR:E")); // 21 bytes held
        c.feed(bytes("xyzxyz"));
        c.feed(bytes(END + "and a tail long enough to log"));
        assertThat(((ProcessCommunicationEvent) published.get(0)).data()).isEqualTo("abcd<!--XSUPERVISOR:Exyzxyz");
    }

    @Test
    void theCapturedBytesAreTheStrippedOnes() {
        CaptureMode c = capture(1024, data -> new String(data, StandardCharsets.UTF_8).replace("\u001b[1m", "")
                .getBytes(StandardCharsets.UTF_8));
        c.feed(bytes(BEGIN + "\u001b[1mbold" + END + "and a tail long enough to log"));
        assertThat(((ProcessCommunicationEvent) published.get(0)).data()).isEqualTo("bold");
    }

    @Test
    void pidIsReadWhenTheEventIsMade() {
        CaptureMode c = capture(1024);
        c.feed(bytes(BEGIN + "x"));
        pid = 99;
        c.feed(bytes(END + "and a tail long enough to log"));
        assertThat(((ProcessCommunicationEvent) published.get(0)).pid()).isEqualTo(99);
    }

    @Test
    void stderrMakesStderrEvents() {
        CaptureMode c = new CaptureMode(new CaptureMode.Spec("comm", "grp", Channel.STDERR, 100), () -> 1,
                (d, capturing) -> d, published::add, mainLog);
        c.feed(bytes(BEGIN + "x" + END + "and a tail long enough to log"));
        assertThat(published.get(0).type()).isEqualTo(EventType.PROCESS_COMMUNICATION_STDERR);
        assertThat(mainLog.take()).containsExactly("DEBG 'comm' stderr emitted a comm event");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
