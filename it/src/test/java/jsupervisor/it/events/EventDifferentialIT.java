package jsupervisor.it.events;

import static jsupervisor.it.events.EventRecord.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The same configuration and the same actions against the reference supervisord and ours, in lockstep: listener
 * pools written with the real {@code supervisor.childutils}, one per event family (REFERENCE.md §10.1), record
 * every envelope they are sent, and the records must agree pool by pool, in order, serials, poolserials and
 * {@code len} included, once {@link NormalisedRecords} has taken out pids, tick times and the cut at shutdown.
 * Each action waits until its events have been recorded, so the global order of events is the same on both sides.
 */
class EventDifferentialIT {
    private static final String EXTRA = """
            [program:extra]
            command=/bin/sleep 1000
            priority=4
            startsecs=0
            [eventlistener:late]
            command=${LISTENER} ${DIR}/records.txt
            events=PROCESS_GROUP
            priority=-1
            startsecs=0
            """;

    @TempDir
    Path dir;

    private DaemonPair pair;

    @AfterEach
    void closeDaemons() throws InterruptedException {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void listenersOfEveryFamilyAreSentWhatTheReferenceSends() throws Exception {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
        pair = DaemonPair.start(dir, "differential.conf");
        pair.await("start-up: 9 listeners and 2 programs RUNNING",
                r -> count(r, "super", "SUPERVISOR_STATE_CHANGE_RUNNING", "") == 1
                        && count(r, "state", "PROCESS_STATE_RUNNING", "") == 11
                        && count(r, "every", "PROCESS_STATE_RUNNING", "") == 11
                        && count(r, "mixed", "PROCESS_STATE_RUNNING", "") == 11);
        pair.await("TICK_5", r -> count(r, "tick", "TICK_5", "") >= 1 && count(r, "every", "TICK_5", "") >= 1);
        exercisesOutputAndCommunication();
        exercisesProcessStates();
        exercisesGroups();
        pair.act(d -> d.rpc("supervisor.getState")); // both still answer: neither fell over on the way
        pair.terminate();

        NormalisedRecords reference = new NormalisedRecords(pair.reference.records());
        NormalisedRecords ours = new NormalisedRecords(pair.ours.records());
        assertThat(ours.running.keySet()).isEqualTo(reference.running.keySet()).containsExactlyInAnyOrder(
                "state", "every", "mixed", "log", "comm", "remote", "group", "super", "late");
        for (String pool : reference.running.keySet()) {
            assertThat(ours.running(pool)).as("pool %s until the supervisor stops", pool)
                    .isEqualTo(reference.running(pool));
        }
        stoppingAgrees(reference, ours);
        ticksAgree(reference, ours);
    }

    private void exercisesOutputAndCommunication() {
        pair.act(d -> stdin(d, "talk", "out1\n"));
        pair.await("talk stdout", r -> count(r, "log", "PROCESS_LOG_STDOUT", "out1") == 1
                && count(r, "every", "PROCESS_LOG_STDOUT", "out1") == 1);
        pair.act(d -> stdin(d, "talk", "err1\n"));
        pair.await("talk stderr", r -> count(r, "log", "PROCESS_LOG_STDERR", "err1") == 1
                && count(r, "every", "PROCESS_LOG_STDERR", "err1") == 1);
        pair.act(d -> stdin(d, "capt", "out2\n"));
        pair.await("capt stdout", r -> count(r, "comm", "PROCESS_COMMUNICATION_STDOUT", "out2") == 1
                && count(r, "every", "PROCESS_COMMUNICATION_STDOUT", "out2") == 1);
        pair.act(d -> stdin(d, "capt", "err2\n"));
        pair.await("capt stderr", r -> count(r, "comm", "PROCESS_COMMUNICATION_STDERR", "err2") == 1
                && count(r, "every", "PROCESS_COMMUNICATION_STDERR", "err2") == 1);
        pair.act(d -> d.rpc("supervisor.sendRemoteCommEvent", XmlRpcValue.of("mytype"), XmlRpcValue.of("my data")));
        pair.await("remote", r -> count(r, "remote", "REMOTE_COMMUNICATION", "my data") == 1
                && count(r, "every", "REMOTE_COMMUNICATION", "my data") == 1);
        // len counts code points, not the UTF-8 bytes sent (REFERENCE.md §10.2): childutils reads characters
        pair.act(d -> d.rpc("supervisor.sendRemoteCommEvent", XmlRpcValue.of("té"), XmlRpcValue.of("déta")));
        pair.await("remote, not ASCII", r -> count(r, "remote", "REMOTE_COMMUNICATION", "déta") == 1
                && count(r, "every", "REMOTE_COMMUNICATION", "déta") == 1);
    }

    private void exercisesProcessStates() {
        pair.act(d -> d.rpc("supervisor.stopProcess", XmlRpcValue.of("talk")));
        pair.await("talk stopped", r -> count(r, "state", "PROCESS_STATE_STOPPED", "processname:talk") == 1
                && count(r, "every", "PROCESS_STATE_STOPPED", "processname:talk") == 1
                && count(r, "mixed", "PROCESS_STATE_STOPPED", "processname:talk") == 1);
        pair.act(d -> d.rpc("supervisor.startProcess", XmlRpcValue.of("talk")));
        pair.await("talk started", r -> running(r, "talk", 2));
        pair.act(d -> stdin(d, "talk", "x\n")); // exits 3: EXITED (unexpected), restarted at once
        pair.await("talk crashed and restarted", r -> running(r, "talk", 3)
                && count(r, "mixed", "PROCESS_STATE_EXITED", "processname:talk") == 2);
        pair.act(d -> d.rpc("supervisor.startProcess", XmlRpcValue.of("fail"), XmlRpcValue.of(false)));
        pair.await("fail FATAL", r -> count(r, "state", "PROCESS_STATE_FATAL", "processname:fail") == 1
                && count(r, "every", "PROCESS_STATE_FATAL", "processname:fail") == 1
                && count(r, "mixed", "PROCESS_STATE_FATAL", "processname:fail") == 1);
    }

    private void exercisesGroups() {
        pair.act(d -> {
            try {
                d.include("extra.conf", EXTRA);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            d.rpc("supervisor.reloadConfig");
            d.rpc("supervisor.addProcessGroup", XmlRpcValue.of("late"));
        });
        // a pool subscribes before its group's ADDED is published, so it hears about itself
        pair.await("late added", r -> running(r, "late", 1) && count(r, "late", "PROCESS_GROUP_ADDED", "late") == 1
                && count(r, "group", "PROCESS_GROUP_ADDED", "late") == 1);
        pair.act(d -> d.rpc("supervisor.addProcessGroup", XmlRpcValue.of("extra")));
        pair.await("extra added", r -> running(r, "extra", 1) && count(r, "late", "PROCESS_GROUP_ADDED", "extra") == 1);
        pair.act(d -> {
            d.rpc("supervisor.stopProcessGroup", XmlRpcValue.of("extra"));
            d.rpc("supervisor.removeProcessGroup", XmlRpcValue.of("extra"));
        });
        pair.await("extra removed", r -> count(r, "late", "PROCESS_GROUP_REMOVED", "extra") == 1
                && count(r, "group", "PROCESS_GROUP_REMOVED", "extra") == 1
                && count(r, "state", "PROCESS_STATE_STOPPED", "processname:extra") == 1);
        pair.act(d -> {
            d.rpc("supervisor.stopProcessGroup", XmlRpcValue.of("late"));
            d.rpc("supervisor.removeProcessGroup", XmlRpcValue.of("late"));
        });
        // the last events of the run: every pool has caught up once each has recorded its share of them
        pair.await("late removed", r -> count(r, "group", "PROCESS_GROUP_REMOVED", "late") == 1
                && count(r, "every", "PROCESS_GROUP_REMOVED", "late") == 1
                && count(r, "mixed", "PROCESS_GROUP_REMOVED", "late") == 1
                && count(r, "state", "PROCESS_STATE_STOPPED", "processname:late") == 1);
    }

    /**
     * After SUPERVISOR_STATE_CHANGE_STOPPING, both stop the programs and then the listener pools one priority at
     * a time, and a pool hears of the others stopping until it is stopped itself. Where that cut falls differs
     * (the reference reaps after dispatching, we before, and a listener may not have answered yet), so each
     * pool's list on one side must be a prefix of the other's, beginning with the programs' stops in order.
     */
    private static void stoppingAgrees(NormalisedRecords reference, NormalisedRecords ours) {
        for (String pool : List.of("state", "every", "mixed")) {
            List<String> a = reference.stopping.getOrDefault(pool, List.of());
            List<String> b = ours.stopping.getOrDefault(pool, List.of());
            List<String> shorter = a.size() <= b.size() ? a : b;
            List<String> longer = a.size() <= b.size() ? b : a;
            assertThat(longer.subList(0, shorter.size())).as("pool %s while stopping: reference %s, ours %s",
                    pool, a, b).isEqualTo(shorter);
            // neither daemon waits for a pool to catch up before stopping it once the programs are down, so on a
            // loaded machine the cut can fall right after the first stop: only that one is certain on both sides
            for (List<String> side : List.of(a, b)) {
                assertThat(side).as("pool %s while stopping", pool).isNotEmpty();
                assertThat(side.getFirst()).as("pool %s while stopping", pool)
                        .isEqualTo(stopped("STOPPING", "capt", "RUNNING"));
            }
            List<String> full = List.of(stopped("STOPPING", "capt", "RUNNING"), stopped("STOPPED", "capt", "STOPPING"),
                    stopped("STOPPING", "talk", "RUNNING"), stopped("STOPPED", "talk", "STOPPING"));
            assertThat(full.subList(0, Math.min(full.size(), longer.size())))
                    .as("pool %s while stopping: the programs' stops come first, in order", pool)
                    .isEqualTo(longer.subList(0, Math.min(full.size(), longer.size())));
        }
        assertThat(ours.stopping.keySet()).isSubsetOf(List.of("state", "every", "mixed"));
    }

    private static String stopped(String state, String process, String from) {
        String payload = "processname:" + process + " groupname:" + process + " from_state:" + from + " pid:<pid>";
        return "PROCESS_STATE_" + state + " len:" + payload.length() + " " + payload;
    }

    /**
     * Ticks: aligned to 5 s, numbered 0, 1, ... in their pool, the same event wherever it is delivered, and sent
     * when due (the reference polls every second, so up to about a second late, while ours wakes for them).
     */
    private static void ticksAgree(NormalisedRecords reference, NormalisedRecords ours) {
        for (NormalisedRecords side : List.of(reference, ours)) {
            List<EventRecord> tickPool = side.ticks.stream().filter(r -> r.pool().equals("tick")).toList();
            assertThat(tickPool).isNotEmpty();
            for (int i = 0; i < tickPool.size(); i++) {
                EventRecord t = tickPool.get(i);
                assertThat(t.poolSerial()).isEqualTo(i);
                assertThat(t.eventName()).isEqualTo("TICK_5");
                assertThat(t.payload()).matches("when:\\d{9}[05]").hasSize(Integer.parseInt(t.headers().get("len")));
                assertThat(t.received() - Long.parseLong(t.payload().substring(5))).as("delay of %s", t)
                        .isBetween(0.0, 2.5);
            }
            for (EventRecord t : side.ticks) {
                tickPool.stream().filter(u -> u.serial() == t.serial())
                        .forEach(u -> assertThat(t.payload()).isEqualTo(u.payload()));
            }
        }
    }

    private static boolean running(List<EventRecord> records, String process, int times) {
        String who = "processname:" + process + " ";
        return count(records, "state", "PROCESS_STATE_RUNNING", who) == times
                && count(records, "every", "PROCESS_STATE_RUNNING", who) == times
                && count(records, "mixed", "PROCESS_STATE_RUNNING", who) == times;
    }

    private static void stdin(EventDaemon d, String process, String text) {
        d.rpc("supervisor.sendProcessStdin", XmlRpcValue.of(process), XmlRpcValue.of(text));
    }

    /**
     * Edges found by comparing with the reference, on {@code events/edges.conf}: what a PROCESS_LOG event carries
     * under strip_ansi, a listener's own stderr as events for other pools, and the STOPPING event reaching a
     * listener that the shutdown stops after an idle program.
     */
    @Test
    void logEventsListenerStderrAndTheStoppingEvent() throws Exception {
        assumeTrue(Files.exists(EventDaemon.REFERENCE_PACKAGE), "needs the supervisor package");
        pair = DaemonPair.start(dir, "edges.conf");
        pair.await("color's output, stripped", r -> count(r, "logs", "PROCESS_LOG_STDOUT", "red plain") == 1);
        pair.act(d -> d.rpc("supervisor.sendRemoteCommEvent", XmlRpcValue.of("t"), XmlRpcValue.of("x")));
        pair.await("noisy's stderr as an event", r -> count(r, "logs", "PROCESS_LOG_STDERR", "err REMOTE") == 1);
        pair.terminate();
        for (EventDaemon d : pair.both()) {
            var records = d.records();
            assertThat(records).as(d.kind + ": no ANSI sequence in any payload")
                    .noneMatch(r -> r.payload().contains("\u001b"));
            assertThat(count(records, "stopper", "SUPERVISOR_STATE_CHANGE_STOPPING", "")).as(d.kind + ": STOPPING")
                    .isEqualTo(1);
        }
    }
}
