package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.process.MainLog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the same reads to Supervisor's own {@code POutputDispatcher.record_output} (with its real
 * {@code BoundIO} capture log) and to our {@link CaptureMode}: what is written to the log file, what is
 * mirrored, the comm events and the debug lines must match, over many random streams and chunkings.
 */
class CaptureModeParityIT {
    private static final String BEGIN = ProcessCommunicationEvent.BEGIN_TOKEN;
    private static final String END = ProcessCommunicationEvent.END_TOKEN;
    private static final List<String> PIECES = List.of("plain text\n", BEGIN, END, BEGIN, END, "x", "<!--XSUP",
            "<!--XSUPERVISOR:END", "<", "a much longer line of ordinary output that exceeds small bounds\n");
    private static final int[] MAX_BYTES = {0, 1, 5, 30, 1000};

    private static final String SCRIPT = """
            import sys
            from supervisor.tests.base import DummyOptions, DummyPConfig, DummyProcess
            from supervisor import events, loggers
            from supervisor.dispatchers import POutputDispatcher
            from supervisor.events import ProcessCommunicationStdoutEvent

            out = []

            class Log:
                def debug(self, msg, **kw): out.append('DEBG ' + (msg % kw if kw else msg))
                def log(self, level, msg, **kw): out.append('mirror:' + kw['data'].encode('utf-8').hex())
                def warn(self, msg, **kw): out.append('WARN ' + msg)
                def error(self, msg, **kw): out.append('ERRO ' + msg)
                def critical(self, msg, **kw): out.append('CRIT ' + msg)
                def info(self, msg, **kw): pass
                def trace(self, msg, **kw): pass
                def blather(self, msg, **kw): pass

            class FileLog:
                def info(self, data): out.append('file:' + data.hex())

            events.subscribe(events.ProcessCommunicationEvent,
                             lambda e: out.append('event:' + e.payload().encode('utf-8').hex()))

            for line in sys.stdin.read().splitlines():
                fields = line.split(' ')
                options = DummyOptions()
                options.logger = Log()
                options.getLogger = lambda: loggers.getLogger()  # a real Logger, so BoundIO really bounds
                config = DummyPConfig(options, 'comm', '/bin/comm', stdout_capture_maxbytes=int(fields[0]))
                process = DummyProcess(config)
                process.pid = 4242
                process.group = None
                d = POutputDispatcher(process, ProcessCommunicationStdoutEvent, 0)
                d.normallog = d.childlog = FileLog()
                d.log_to_mainlog = True
                del out[:]
                for chunk in fields[1:]:
                    d.output_buffer += bytes.fromhex(chunk)
                    d.record_output()
                for entry in out:
                    print(entry)
                print('===')
            """;

    @TempDir
    Path dir;

    @Test
    void sameLogEventsAndHeldBackDataAsSupervisor() throws Exception {
        RealSupervisor.assumeInstalled();
        Random random = new Random(20261124);
        List<String> input = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            int maxBytes = MAX_BYTES[random.nextInt(MAX_BYTES.length)];
            List<byte[]> chunks = chunked(stream(random), random);
            StringBuilder line = new StringBuilder().append(maxBytes);
            chunks.forEach(c -> line.append(' ').append(HexFormat.of().formatHex(c)));
            input.add(line.toString());
            ours.addAll(runOurs(maxBytes, chunks));
        }
        assertThat(RealSupervisor.run(dir, SCRIPT, input)).containsExactlyElementsOf(ours);
    }

    private static List<String> runOurs(int maxBytes, List<byte[]> chunks) {
        List<String> out = new ArrayList<>();
        MainLog mainLog = (level, message) -> out.add((level == LoggingLevel.DEBUG ? "DEBG" : level) + " " + message);
        CaptureMode.Log log = (data, capturing) -> {
            if (!capturing) {
                out.add("file:" + HexFormat.of().formatHex(data));
            }
            out.add("mirror:" + HexFormat.of().formatHex(EventData.render(data).getBytes(StandardCharsets.UTF_8)));
            return data;
        };
        CaptureMode capture = new CaptureMode(new CaptureMode.Spec("comm", "", Channel.STDOUT, maxBytes), () -> 4242,
                log, e -> out.add("event:" + HexFormat.of().formatHex(e.payload().getBytes(StandardCharsets.UTF_8))),
                mainLog);
        chunks.forEach(capture::feed);
        out.add("===");
        return out;
    }

    private static byte[] stream(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = 3 + random.nextInt(10); n > 0; n--) {
            s.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<byte[]> chunked(byte[] stream, Random random) {
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < stream.length; ) {
            int n = Math.min(stream.length - at, 1 + random.nextInt(40));
            chunks.add(Arrays.copyOfRange(stream, at, at + n));
            at += n;
        }
        return chunks;
    }
}
