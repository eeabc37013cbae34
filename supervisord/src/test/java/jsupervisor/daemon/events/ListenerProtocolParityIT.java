package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds the same reads to Supervisor's own {@code PEventListenerDispatcher.handle_listener_state_change} and to
 * our {@link ListenerProtocol}, and compares every log line, the final state and the rejections.
 */
class ListenerProtocolParityIT {
    private static final String SEND = "send";

    private static final String SCRIPT = """
            import sys
            from supervisor.tests.base import DummyOptions, DummyPConfig, DummyProcess
            from supervisor import events
            from supervisor.dispatchers import PEventListenerDispatcher, default_handler
            from supervisor.states import getEventListenerStateDescription

            class Log:
                def __init__(self): self.lines = []
                def _add(self, label, msg, kw): self.lines.append(label + ' ' + (msg % kw if kw else msg))
                def debug(self, msg, **kw): self._add('DEBG', msg, kw)
                def warn(self, msg, **kw): self._add('WARN', msg, kw)
                def error(self, msg, **kw): self._add('ERRO', msg, kw)
                def critical(self, msg, **kw): self._add('CRIT', msg, kw)
                def info(self, msg, **kw): self._add('INFO', msg, kw)
                def trace(self, msg, **kw): pass
                def blather(self, msg, **kw): pass

            class Group:
                class config:
                    result_handler = staticmethod(default_handler)

            rejected = []
            events.subscribe(events.EventRejectedEvent, lambda e: rejected.append(e))

            def run(steps):
                options = DummyOptions()
                options.logger = Log()
                process = DummyProcess(DummyPConfig(options, 'l', '/bin/l', stdout_logfile=None))
                process.group = Group()
                d = PEventListenerDispatcher(process, 'stdout', 0)
                del rejected[:]
                for step in steps:
                    if step == 'send':
                        process.listener_state = 20  # BUSY, as _dispatchEvent sets it
                        process.event = object()
                    else:
                        d.state_buffer += bytes.fromhex(step)
                        d.handle_listener_state_change()
                for line in options.logger.lines:
                    print(line)
                print('=== %s %d' % (getEventListenerStateDescription(process.listener_state), len(rejected)))

            steps = []
            for line in sys.stdin.read().splitlines():
                if line == '---':
                    run(steps)
                    steps = []
                else:
                    steps.append(line)
            """;

    @TempDir
    Path dir;

    @Test
    void sameLogLinesStatesAndRejectionsAsSupervisor() throws Exception {
        RealSupervisor.assumeInstalled();
        List<List<String>> scenarios = scenarios();
        List<String> input = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (List<String> steps : scenarios) {
            for (String step : steps) {
                input.add(step.equals(SEND) ? SEND : hex(step));
            }
            input.add("---");
            ours.addAll(runOurs(steps));
        }
        assertThat(RealSupervisor.run(dir, SCRIPT, input)).containsExactlyElementsOf(ours);
    }

    private static List<String> runOurs(List<String> steps) {
        RecordingLog log = new RecordingLog();
        List<PostedEvent> rejected = new ArrayList<>();
        ListenerProtocol protocol = new ListenerProtocol("l", log, ResultHandler.DEFAULT, rejected::add);
        for (String step : steps) {
            if (step.equals(SEND)) {
                protocol.sent(new PostedEvent(SupervisorStateChangeEvent.RUNNING, 0));
            } else {
                protocol.feed(step.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        List<String> lines = new ArrayList<>(log.lines);
        lines.add("=== " + protocol.state() + " " + rejected.size());
        return lines;
    }

    private static List<List<String>> scenarios() {
        List<List<String>> s = new ArrayList<>(List.of(
                List.of("READY\n"),
                List.of("RE", "ADY\n"),
                List.of("READX\nREADY\n"),
                List.of("READY\n", SEND, "RESULT 2\nOK"),
                List.of("READY\n", SEND, "RESULT 4\nFAIL"),
                List.of("READY\n", SEND, "RESULT 2\nOKREADY\n"),
                List.of("READY\n", SEND, "RES", "ULT", " 2", "\n", "O", "K"),
                List.of("READY\n", SEND, "XXXXXXX2\nOK"),
                List.of("READY\n", SEND, "RESULT  2 \r\nOK"),
                List.of("READY\n", SEND, "RESULT 1\nOK", "EADY\n"),
                List.of("READY\n", SEND, "RESULT two\nOK"),
                List.of("READY\n", SEND, "OK\n"),
                List.of("READY\n", SEND, "RESULT \u00ff\n"),
                List.of("READY\n", "READY\n"),
                List.of("hello!", "READY\n"),
                List.of("READY\n", SEND, "RESULT 0\n", "READY\n"),
                List.of("READY\n", SEND, "RESULT 1_0\n0123456789READY\n"),
                List.of("READY\n", SEND, "RESULT 4\nFAILREADY\n", SEND, "RESULT 2\nOK"),
                List.of("READY\n", SEND, "RESULT 2\nOKRESULT 2\nOK"),
                List.of("READY\n", SEND, "RESULT +2\nOKREADY\nREADY\n")));
        List<String> byteByByte = new ArrayList<>(List.of("READY\n", SEND));
        for (char c : "RESULT 4\nFAILREADY\n".toCharArray()) {
            byteByByte.add(String.valueOf(c));
        }
        s.add(byteByByte);
        return s;
    }

    private static String hex(String s) {
        return HexFormat.of().formatHex(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
