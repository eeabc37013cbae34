package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jsupervisor.daemon.process.ProcessState;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the same scripts against Supervisor's own {@code EventListenerPool} (with its {@code events.notify} and
 * {@code GlobalSerial}) and against our {@link EventBus} + {@link ListenerPool}: the pool's log lines
 * (overflow, rebuffering, sent, EPIPE), the exact envelope bytes written to each listener and the final buffer
 * must match. Listener protocol lines are left out: the Python side sets listener states directly.
 */
class ListenerPoolParityIT {
    private static final String SCRIPT = """
            import errno, sys
            from supervisor.tests.base import DummyOptions, DummyPConfig, DummyProcess, DummyPGroupConfig
            from supervisor import events, process as sprocess
            from supervisor.process import EventListenerPool
            from supervisor.states import ProcessStates, EventListenerStates

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

            def run(lines):
                events.clear()
                sprocess.GlobalSerial.serial = -1
                options = DummyOptions()
                options.logger = Log()
                header = lines[0].split(' ')
                gconfig = DummyPGroupConfig(options, name='pool')
                gconfig.buffer_size = int(header[0])
                gconfig.pool_events = [getattr(events.EventTypes, n) for n in header[1:]]
                pool = EventListenerPool(gconfig)
                procs = {}
                for name in ('one', 'two'):
                    p = DummyProcess(DummyPConfig(options, name, '/bin/' + name))
                    p.listener_state = EventListenerStates.ACKNOWLEDGED
                    p.event = None
                    procs[name] = p
                pool.processes = procs
                for line in lines[1:]:
                    op = line.split(' ')
                    p = procs.get(op[1]) if len(op) > 1 else None
                    if op[0] == 'group':
                        events.notify(events.ProcessGroupAddedEvent(op[1]))
                    elif op[0] == 'tick5':
                        events.notify(events.Tick5Event(int(op[1]), None))
                    elif op[0] == 'ready':
                        p.listener_state = EventListenerStates.READY
                    elif op[0] == 'ok':
                        p.listener_state = EventListenerStates.ACKNOWLEDGED
                        p.event = None
                    elif op[0] == 'reject':
                        p.listener_state = EventListenerStates.ACKNOWLEDGED
                        events.notify(events.EventRejectedEvent(p, p.event))
                        p.event = None
                    elif op[0] == 'die':
                        p.state = ProcessStates.EXITED
                        if p.event is not None:
                            events.notify(events.EventRejectedEvent(p, p.event))
                            p.event = None
                    elif op[0] == 'start':
                        p.state = ProcessStates.RUNNING
                        p.listener_state = EventListenerStates.ACKNOWLEDGED
                    elif op[0] == 'stop':
                        p.state = ProcessStates.STOPPED
                    elif op[0] == 'epipe':
                        p.write_exception = OSError(errno.EPIPE, 'broken') if op[2] == 'on' else None
                    elif op[0] == 'dispatch':
                        pool.transition()
                    for entry in options.logger.lines:
                        print(entry)
                    del options.logger.lines[:]
                    for name in ('one', 'two'):
                        if procs[name].stdin_buffer:
                            print('write %s %s' % (name, procs[name].stdin_buffer.hex()))
                            procs[name].stdin_buffer = b''
                print('buffer ' + ' '.join(str(e.serial) for e in pool.event_buffer))

            lines = []
            for line in sys.stdin.read().splitlines():
                if line == '---':
                    run(lines)
                    lines = []
                else:
                    lines.append(line)
            """;

    private static final List<List<String>> SCENARIOS = List.of(
            List.of("3 EVENT", "group a", "group b", "group c", "group d", "group e", "ready one", "dispatch",
                    "reject one", "ready one", "dispatch", "ok one", "ready one", "dispatch", "ok one", "ready one",
                    "dispatch", "ok one", "ready one", "dispatch"),
            List.of("10 EVENT TICK_5", "tick5 1795497215", "group g", "ready one", "ready two", "dispatch", "ok one",
                    "ready one", "dispatch"),
            List.of("10 PROCESS_GROUP", "epipe one on", "ready one", "ready two", "group a", "group b", "dispatch",
                    "epipe one off", "dispatch", "ok two", "ready two", "dispatch"),
            List.of("10 EVENT", "ready one", "group a", "group b", "dispatch", "die one", "dispatch", "start one",
                    "ready one", "dispatch", "ok one", "ready one", "dispatch"),
            List.of("2 EVENT", "ready one", "group a", "dispatch", "group b", "group c", "reject one", "ready one",
                    "dispatch"),
            List.of("5 TICK", "stop one", "ready one", "tick5 1795497220", "group ignored", "tick5 1795497225",
                    "dispatch", "start one",
                    "ready one", "ready two", "dispatch", "reject two", "ready two", "dispatch"));

    @TempDir
    Path dir;

    @Test
    void sameLogLinesEnvelopesAndBufferAsSupervisor() throws Exception {
        RealSupervisor.assumeInstalled();
        List<String> input = new ArrayList<>();
        List<String> ours = new ArrayList<>();
        for (List<String> scenario : SCENARIOS) {
            input.addAll(scenario);
            input.add("---");
            ours.addAll(runOurs(scenario));
        }
        assertThat(RealSupervisor.run(dir, SCRIPT, input)).containsExactlyElementsOf(ours);
    }

    private static List<String> runOurs(List<String> scenario) {
        String[] header = scenario.get(0).split(" ");
        List<EventType> types = new ArrayList<>();
        for (int i = 1; i < header.length; i++) {
            types.add(EventType.fromWireName(header[i]).orElseThrow());
        }
        RecordingLog log = new RecordingLog();
        FakeListener one = new FakeListener("one");
        FakeListener two = new FakeListener("two");
        Map<String, FakeListener> byName = Map.of("one", one, "two", two);
        EventBus bus = new EventBus();
        ListenerPool pool = new ListenerPool(new ListenerPool.Settings("pool", "supervisor",
                Integer.parseInt(header[0]), types, ResultHandler.DEFAULT), List.of(one, two), log);
        bus.subscribe(pool);
        List<String> out = new ArrayList<>();
        for (String line : scenario.subList(1, scenario.size())) {
            String[] op = line.split(" ");
            FakeListener l = op.length > 1 ? byName.get(op[1]) : null;
            switch (op[0]) {
                case "group" -> bus.publish(ProcessGroupEvent.added(op[1]));
                case "tick5" -> bus.publish(new TickEvent(EventType.TICK_5, Long.parseLong(op[1])));
                case "ready" -> pool.onOutput(l, ascii("READY\n"));
                case "ok" -> pool.onOutput(l, ascii("RESULT 2\nOK"));
                case "reject" -> pool.onOutput(l, ascii("RESULT 4\nFAIL"));
                case "die" -> {
                    l.state = ProcessState.EXITED;
                    pool.onExited(l);
                }
                case "start" -> {
                    pool.onSpawned(l);
                    l.state = ProcessState.RUNNING;
                }
                case "stop" -> l.state = ProcessState.STOPPED;
                case "epipe" -> l.epipe = op[2].equals("on");
                case "dispatch" -> pool.dispatch();
                default -> throw new IllegalArgumentException(line);
            }
            log.take().stream().filter(s -> !s.matches("(DEBG|WARN) (one|two): .*")).forEach(out::add);
            for (FakeListener f : List.of(one, two)) {
                f.written.forEach(e -> out.add("write " + f.name() + " "
                        + HexFormat.of().formatHex(e.getBytes(StandardCharsets.UTF_8))));
                f.written.clear();
            }
        }
        out.add(("buffer " + String.join(" ", pool.buffered().stream().map(p -> String.valueOf(p.serial()))
                .toList())));
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
