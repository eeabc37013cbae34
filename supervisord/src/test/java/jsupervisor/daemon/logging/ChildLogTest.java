package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import jsupervisor.daemon.logging.ChildLog.Spec;
import jsupervisor.daemon.logging.RotatingFileSink.Rotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T06:21:37.413Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final RecordingSink mainSink = new RecordingSink();
    private final RecordingSink file = new RecordingSink();

    private DaemonLog mainLog(LogLevel level) {
        DaemonLog log = new DaemonLog(level, CLOCK);
        log.addSink(mainSink);
        return log;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    @Test
    void writesChunksVerbatimAndMirrorsAtDebug() {
        ChildLog log = new ChildLog(new Spec("cat", "stdout", false, false), List.of(file), mainLog(LogLevel.DEBG));
        byte[] chunk = bytes("hello\nno newline");
        assertThat(log.record(chunk)).isSameAs(chunk);
        assertThat(file.text()).isEqualTo("hello\nno newline");
        assertThat(mainSink.text()).isEqualTo("2026-11-24 06:21:37,413 DEBG 'cat' stdout output:\nhello\nno newline\n");
    }

    @Test
    void verbatimOnlyWhenNothingButTheSinksSeesTheBytes() {
        assertThat(new ChildLog(new Spec("a", "stdout", false, false), List.of(file), mainLog(LogLevel.INFO))
                .writesVerbatim()).isTrue();
        assertThat(new ChildLog(new Spec("a", "stdout", false, false), List.of(file), mainLog(LogLevel.DEBG))
                .writesVerbatim()).as("debug mirror").isFalse();
        assertThat(new ChildLog(new Spec("a", "stdout", true, false), List.of(file), mainLog(LogLevel.INFO))
                .writesVerbatim()).as("strip_ansi").isFalse();
        assertThat(new ChildLog(new Spec("a", "stdout", false, true), List.of(file), mainLog(LogLevel.INFO))
                .writesVerbatim()).as("event listener").isFalse();
    }

    @Test
    void verbatimChunkReachesEverySinkWhole() {
        RecordingSink second = new RecordingSink();
        ChildLog log = new ChildLog(new Spec("cat", "stdout", false, false), List.of(file, second),
                mainLog(LogLevel.INFO));
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocateDirect(64);
        chunk.put(bytes("skipped|one\ntwo")).flip().position("skipped|".length());
        log.recordVerbatim(chunk);
        assertThat(file.text()).isEqualTo("one\ntwo");
        assertThat(second.text()).isEqualTo("one\ntwo");
        assertThat(mainSink.text()).isEmpty();
    }

    @Test
    void noMirrorAboveDebug() {
        ChildLog log = new ChildLog(new Spec("cat", "stderr", false, false), List.of(file), mainLog(LogLevel.INFO));
        log.record(bytes("oops\n"));
        assertThat(file.text()).isEqualTo("oops\n");
        assertThat(mainSink.calls).isEmpty();
    }

    @Test
    void stripAnsiAppliesToFileMirrorAndReturnedData() {
        ChildLog log = new ChildLog(new Spec("cat", "stdout", true, false), List.of(file), mainLog(LogLevel.DEBG));
        byte[] logged = log.record(bytes("hello\u001b[31m red\u001b[0m\n"));
        assertThat(new String(logged, UTF_8)).isEqualTo("hello red\n");
        assertThat(file.text()).isEqualTo("hello red\n");
        assertThat(mainSink.text()).endsWith("DEBG 'cat' stdout output:\nhello red\n\n");
    }

    @Test
    void undecodableOutputIsMirroredAsBytesRepr() {
        // Captured from Supervisor 4.2.5 with strip_ansi=true, loglevel=debug (see REFERENCE.md 5.4).
        ChildLog log = new ChildLog(new Spec("cat", "stdout", true, false), List.of(file), mainLog(LogLevel.DEBG));
        byte[] chunk = {'h', 'i', 0x1b, '[', '0', 'm', '\n', (byte) 0xff, '\n'};
        log.record(chunk);
        assertThat(mainSink.text()).isEqualTo(
                "2026-11-24 06:21:37,413 DEBG 'cat' stdout output:\nUndecodable: b'hi\\n\\xff\\n'\n");
    }

    @Test
    void eventListenerMirrorsRawBytesBeforeStripping() {
        ChildLog log = new ChildLog(new Spec("listener", "stdout", true, true), List.of(file), mainLog(LogLevel.DEBG));
        log.record(bytes("\u001b[1mREADY\n"));
        assertThat(mainSink.text()).isEqualTo(
                "2026-11-24 06:21:37,413 DEBG 'listener' stdout output:\nb'\\x1b[1mREADY\\n'\n");
        assertThat(file.text()).isEqualTo("READY\n");
    }

    @Test
    void noneStillMirrors() {
        ChildLog log = new ChildLog(new Spec("quiet", "stdout", false, false), List.of(), mainLog(LogLevel.DEBG));
        log.record(bytes("x\n"));
        assertThat(mainSink.text()).endsWith("'quiet' stdout output:\nx\n\n");
        assertThat(log.file()).isEmpty();
    }

    @Test
    void emptyChunkIsIgnored() {
        ChildLog log = new ChildLog(new Spec("cat", "stdout", false, false), List.of(file), mainLog(LogLevel.BLAT));
        log.record(new byte[0]);
        assertThat(file.calls).isEmpty();
        assertThat(mainSink.calls).isEmpty();
    }

    @Test
    void processNameIsQuotedLikePythonRepr() {
        ChildLog log = new ChildLog(new Spec("it's", "stdout", false, false), List.of(), mainLog(LogLevel.DEBG));
        log.record(bytes("x"));
        assertThat(mainSink.text()).contains("DEBG \"it's\" stdout output:\nx\n");
    }

    @Test
    void fileAndSyslogTogether() throws IOException {
        List<String> sent = new ArrayList<>();
        SyslogSink syslog = new SyslogSink("supervisord", "cat ", () -> new SyslogSinkTest.RecordingTransport(sent),
                CLOCK, SinkListener.IGNORE);
        Path path = dir.resolve("cat.out");
        RotatingFileSink sink = RotatingFileSink.open(path, Rotation.NONE, SinkListener.IGNORE);
        try (ChildLog log = new ChildLog(new Spec("cat", "stdout", false, false), List.of(sink, syslog),
                mainLog(LogLevel.INFO))) {
            log.record(bytes("one\ntwo\n"));
            assertThat(log.file()).contains(path);
        }
        assertThat(Files.readString(path)).isEqualTo("one\ntwo\n");
        assertThat(sent).containsExactly("<14>Nov 24 06:21:37 supervisord: cat one",
                "<14>Nov 24 06:21:37 supervisord: cat two");
    }

    @Test
    void clearEmptiesTheFileAndReopenFollowsARename() throws IOException {
        Path path = dir.resolve("cat.out");
        RotatingFileSink sink = RotatingFileSink.open(path, Rotation.NONE, SinkListener.IGNORE);
        try (ChildLog log = new ChildLog(new Spec("cat", "stdout", false, false), List.of(sink),
                mainLog(LogLevel.INFO))) {
            log.record(bytes("before clear\n"));
            log.clear();
            log.record(bytes("after clear\n"));
            Files.move(path, dir.resolve("cat.out.saved"));
            log.reopen();
            log.record(bytes("after reopen\n"));
        }
        assertThat(Files.readString(dir.resolve("cat.out.saved"))).isEqualTo("after clear\n");
        assertThat(Files.readString(path)).isEqualTo("after reopen\n");
    }

    @Test
    void channelMustBeStdoutOrStderr() {
        assertThatThrownBy(() -> new Spec("cat", "stdin", false, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
