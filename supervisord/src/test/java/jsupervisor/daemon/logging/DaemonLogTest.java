package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jsupervisor.daemon.logging.RotatingFileSink.Rotation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonLogTest {

    @TempDir
    Path dir;

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static DaemonLog logWith(LogLevel level, Clock clock, RecordingSink sink) {
        DaemonLog log = new DaemonLog(level, clock);
        log.addSink(sink);
        return log;
    }

    @Test
    void writesSupervisorsExactLineFormat() {
        RecordingSink sink = new RecordingSink();
        DaemonLog log = logWith(LogLevel.INFO, at("2026-11-24T05:01:19.346Z"), sink);
        log.info("spawned: 'envdump' with pid 6659");
        assertThat(sink.text()).isEqualTo("2026-11-24 05:01:19,346 INFO spawned: 'envdump' with pid 6659\n");
    }

    @Test
    void millisecondsAreTruncatedAndZeroPadded() {
        DaemonLog log = new DaemonLog(LogLevel.INFO, at("2026-01-02T03:04:05Z"));
        assertThat(log.asctime(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02 03:04:05,000");
        assertThat(log.asctime(Instant.parse("2026-01-02T03:04:05.007Z"))).isEqualTo("2026-01-02 03:04:05,007");
        assertThat(log.asctime(Instant.parse("2026-01-02T03:04:05.0999999Z"))).isEqualTo("2026-01-02 03:04:05,099");
        assertThat(log.asctime(Instant.parse("2026-01-02T03:04:06.999999999Z")))
                .isEqualTo("2026-01-02 03:04:06,999");
        assertThat(log.asctime(Instant.parse("2026-01-02T03:04:05.5Z"))).isEqualTo("2026-01-02 03:04:05,500");
    }

    @Test
    void usesLocalTimeOfTheClocksZone() {
        RecordingSink sink = new RecordingSink();
        Clock paris = Clock.fixed(Instant.parse("2026-07-01T22:30:00.010Z"), ZoneId.of("Europe/Paris"));
        logWith(LogLevel.INFO, paris, sink).warn("x");
        assertThat(sink.text()).isEqualTo("2026-07-02 00:30:00,010 WARN x\n");
    }

    @Test
    void localTimeFollowsDaylightSavingTimeAndPadsTheYear() {
        DaemonLog log = new DaemonLog(LogLevel.INFO, Clock.fixed(Instant.EPOCH, ZoneId.of("America/New_York")));
        // the hour before and after the spring-forward and fall-back switches of 2026
        assertThat(log.asctime(Instant.parse("2026-03-08T06:59:59.001Z"))).isEqualTo("2026-03-08 01:59:59,001");
        assertThat(log.asctime(Instant.parse("2026-03-08T07:00:00Z"))).isEqualTo("2026-03-08 03:00:00,000");
        assertThat(log.asctime(Instant.parse("2026-11-01T05:59:59Z"))).isEqualTo("2026-11-01 01:59:59,000");
        assertThat(log.asctime(Instant.parse("2026-11-01T06:00:00Z"))).isEqualTo("2026-11-01 01:00:00,000");
        DaemonLog utc = new DaemonLog(LogLevel.INFO, at("2026-01-01T00:00:00Z"));
        assertThat(utc.asctime(Instant.parse("0999-12-31T23:59:59Z"))).isEqualTo("0999-12-31 23:59:59,000");
        assertThat(utc.asctime(Instant.parse("0009-01-02T03:04:05Z"))).isEqualTo("0009-01-02 03:04:05,000");
    }

    @Test
    void multiLineMessagesAreWrittenAsIs() {
        RecordingSink sink = new RecordingSink();
        logWith(LogLevel.DEBG, at("2026-11-24T05:01:19.346Z"), sink).debug("'cat' stdout output:\nhello\n");
        assertThat(sink.text()).isEqualTo("2026-11-24 05:01:19,346 DEBG 'cat' stdout output:\nhello\n\n");
    }

    @Test
    void filtersByLevel() {
        RecordingSink sink = new RecordingSink();
        DaemonLog log = logWith(LogLevel.WARN, at("2026-11-24T05:01:19Z"), sink);
        log.blather("b");
        log.trace("t");
        log.debug("d");
        log.info("i");
        log.warn("w");
        log.error("e");
        log.critical("c");
        assertThat(sink.text()).isEqualTo("""
                2026-11-24 05:01:19,000 WARN w
                2026-11-24 05:01:19,000 ERRO e
                2026-11-24 05:01:19,000 CRIT c
                """);
        assertThat(log.isEnabled(LogLevel.INFO)).isFalse();
        assertThat(log.isEnabled(LogLevel.WARN)).isTrue();
    }

    @Test
    void blatherAdmitsEveryLevelWithItsLabel() {
        RecordingSink sink = new RecordingSink();
        DaemonLog log = logWith(LogLevel.BLAT, at("2026-11-24T05:01:19Z"), sink);
        for (LogLevel level : LogLevel.values()) {
            log.log(level, level.configName());
        }
        assertThat(sink.text().lines().map(l -> l.substring(24))).containsExactly("CRIT critical", "ERRO error",
                "WARN warn", "INFO info", "DEBG debug", "TRAC trace", "BLAT blather");
    }

    @Test
    void startupMessagesFlushCriticalsThenWarningsThenInfos() {
        StartupMessages startup = new StartupMessages();
        startup.info("Included extra file \"a.conf\" during parsing");
        startup.critical("Supervisor is running as root.");
        startup.warn("No file matches via include \"*.x\"");
        startup.info("Set uid to user 0 succeeded");
        startup.critical("second critical");
        RecordingSink sink = new RecordingSink();
        DaemonLog log = logWith(LogLevel.INFO, at("2026-11-24T05:01:19Z"), sink);
        log.flush(startup);
        assertThat(sink.text().lines().map(l -> l.substring(24))).containsExactly(
                "CRIT Supervisor is running as root.",
                "CRIT second critical",
                "WARN No file matches via include \"*.x\"",
                "INFO Included extra file \"a.conf\" during parsing",
                "INFO Set uid to user 0 succeeded");
        assertThat(startup.isEmpty()).isTrue();
    }

    @Test
    void startupMessagesRespectTheLevel() {
        StartupMessages startup = new StartupMessages();
        startup.info("i");
        startup.warn("w");
        startup.critical("c");
        RecordingSink sink = new RecordingSink();
        logWith(LogLevel.ERRO, at("2026-11-24T05:01:19Z"), sink).flush(startup);
        assertThat(sink.text()).isEqualTo("2026-11-24 05:01:19,000 CRIT c\n");
    }

    @Test
    void writesEveryRecordToEverySinkInOrder() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Path file = dir.resolve("supervisord.log");
        Files.writeString(file, "earlier run\n");
        DaemonLog log = new DaemonLog(LogLevel.INFO, at("2026-11-24T05:01:19.001Z"));
        log.addSink(new StreamSink("stdout", stdout, SinkListener.IGNORE));
        log.addSink(RotatingFileSink.open(file, new Rotation(50 * 1024 * 1024, 10), log.sinkProblems()));
        log.info("supervisord started with pid 1");
        log.close();
        String line = "2026-11-24 05:01:19,001 INFO supervisord started with pid 1\n";
        assertThat(stdout.toString(UTF_8)).isEqualTo(line);
        assertThat(Files.readString(file)).isEqualTo("earlier run\n" + line);
    }

    @Test
    void openAppendsToTheLogFileLikeMakeLogger() throws IOException {
        Path file = dir.resolve("supervisord.log");
        Files.writeString(file, "earlier run\n");
        try (DaemonLog log = DaemonLog.open(LogLevel.INFO, at("2026-11-24T05:01:19.001Z"), file,
                new Rotation(50 * 1024 * 1024, 10), false)) {
            log.debug("filtered");
            log.info("supervisord started with pid 1");
            assertThat(log.file()).contains(file);
        }
        assertThat(Files.readString(file))
                .isEqualTo("earlier run\n2026-11-24 05:01:19,001 INFO supervisord started with pid 1\n");
    }

    @Test
    void reopenLogsThenReopensEachSink() {
        RecordingSink sink = new RecordingSink();
        logWith(LogLevel.INFO, at("2026-11-24T05:01:19Z"), sink).reopen();
        assertThat(sink.calls).containsExactly("write 2026-11-24 05:01:19,000 INFO supervisord logreopen\n", "reopen");
    }

    @Test
    void clearDeletesTheFileAndReopensLikeSupervisor() throws IOException {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Path file = dir.resolve("supervisord.log");
        DaemonLog log = new DaemonLog(LogLevel.INFO, at("2026-11-24T05:01:19Z"));
        log.addSink(new StreamSink("stdout", stdout, SinkListener.IGNORE));
        log.addSink(RotatingFileSink.open(file, Rotation.NONE, log.sinkProblems()));
        log.info("old");
        log.clear();
        assertThat(file).isEmptyFile();
        log.info("new");
        assertThat(Files.readString(file)).isEqualTo("2026-11-24 05:01:19,000 INFO new\n");
        assertThat(stdout.toString(UTF_8)).isEqualTo("""
                2026-11-24 05:01:19,000 INFO old
                2026-11-24 05:01:19,000 INFO reopening log file
                2026-11-24 05:01:19,000 INFO reopening log file
                2026-11-24 05:01:19,000 INFO new
                """);
    }

    @Test
    void clearWithoutALogFileIsNoSuchFile() throws IOException {
        DaemonLog log = new DaemonLog(LogLevel.INFO, at("2026-11-24T05:01:19Z"));
        log.addSink(new RecordingSink());
        assertThatThrownBy(log::clear).isInstanceOf(NoSuchFileException.class);
        Path file = dir.resolve("gone.log");
        log.addSink(RotatingFileSink.open(file, Rotation.NONE, SinkListener.IGNORE));
        Files.delete(file);
        assertThatThrownBy(log::clear).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void syslogGetsOneMessagePerLineWithTheFullFormat() {
        List<String> sent = new ArrayList<>();
        Clock clock = at("2026-11-24T05:01:19.346Z");
        DaemonLog log = new DaemonLog(LogLevel.DEBG, clock);
        log.addSink(new SyslogSink("supervisord", "", () -> new SyslogSinkTest.RecordingTransport(sent), clock,
                SinkListener.IGNORE));
        log.debug("'cat' stdout output:\nhello\nworld\n");
        assertThat(sent).containsExactly(
                "<14>Nov 24 05:01:19 supervisord: 2026-11-24 05:01:19,346 DEBG 'cat' stdout output:\n",
                "<14>Nov 24 05:01:19 supervisord: 2026-11-24 05:01:19,346 DEBG hello\n",
                "<14>Nov 24 05:01:19 supervisord: 2026-11-24 05:01:19,346 DEBG world\n");
    }

    @Test
    void sameLinesAsSupervisorsLogger() throws Exception {
        SupervisorPython.assumeAvailable();
        List<String> messages = List.of("supervisord started with pid 6638", "multi\nline\n", "caf\u00e9 \u4e2d",
                "100% done", "");
        List<String> input = new ArrayList<>();
        for (LogLevel level : LogLevel.values()) {
            for (String message : messages) {
                input.add(level.value() + " " + HexFormat.of().formatHex(message.getBytes(UTF_8)));
            }
        }
        for (String when : List.of("1795000000.0625", "1795000000.5", "1782000000")) {
            Path theirs = dir.resolve("python-" + when + ".log");
            SupervisorPython.run(dir, """
                    import sys, time
                    from supervisor import loggers
                    now = float(sys.argv[2])
                    time.time = lambda: now
                    logger = loggers.getLogger(loggers.LevelsByName.DEBG)
                    loggers.handle_file(logger, sys.argv[1], '%(asctime)s %(levelname)s %(message)s\\n')
                    for line in sys.stdin:
                        level, _, message = line.strip().partition(' ')
                        logger.log(int(level), bytes.fromhex(message).decode('utf-8'))
                    logger.close()
                    """, List.of(theirs.toString(), when), input, Map.of("TZ", "Europe/Paris"));

            Instant instant = Instant.ofEpochSecond(0).plusNanos(new BigDecimal(when)
                    .movePointRight(9).longValueExact());
            RecordingSink ours = new RecordingSink();
            DaemonLog log = logWith(LogLevel.DEBG, Clock.fixed(instant, ZoneId.of("Europe/Paris")), ours);
            for (String line : input) {
                String[] parts = line.split(" ", 2);
                log.log(LogLevel.fromValue(Integer.parseInt(parts[0])).orElseThrow(),
                        new String(HexFormat.of().parseHex(parts[1]), UTF_8));
            }
            assertThat(ours.text()).isEqualTo(Files.readString(theirs)).isNotEmpty();
        }
    }

    @Test
    void sinkProblemsAreLoggedOnceEach() throws IOException {
        RecordingSink sink = new RecordingSink();
        DaemonLog log = logWith(LogLevel.INFO, at("2026-11-24T05:01:19Z"), sink);
        log.sinkProblems().failed("/var/log/x.log", "write", new IOException("No space left on device"));
        log.sinkProblems().recovered("/var/log/x.log", 12);
        assertThat(sink.text()).isEqualTo("2026-11-24 05:01:19,000 ERRO Log /var/log/x.log failed (write): No space "
                + "left on device; output is held back and retried, further failures are not reported\n"
                + "2026-11-24 05:01:19,000 INFO Log /var/log/x.log is writable again; 12 bytes of output were lost\n");
    }
}
