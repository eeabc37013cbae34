package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** startProcess/stopProcess and their group and "all" variants, with and without wait, against real children. */
class StartStopIT {
    private static final String PROGRAMS = """
            [program:sleeper]
            command=/bin/sleep 1000
            autostart=false
            startsecs=1

            [program:quick]
            command=/bin/sleep 1000
            autostart=false
            startsecs=0

            [program:dies]
            command=/bin/sh -c "exit 3"
            autostart=false
            startsecs=5
            startretries=0

            [program:missing]
            command=/nonexistent/program
            autostart=false

            [program:isdir]
            command=/tmp
            autostart=false

            [program:badlog]
            command=/bin/sleep 1000
            autostart=false
            startretries=0
            stdout_logfile=%(here)s

            [program:stubborn]
            command=/bin/sh -c "trap '' TERM; echo ready; exec /bin/sleep 1000"
            stdout_logfile=%(here)s/stubborn.out
            autostart=false
            startsecs=0
            stopwaitsecs=3

            [group:grp]
            programs=ga,gb

            [program:ga]
            command=/bin/sleep 1000
            autostart=false
            startsecs=0
            priority=2

            [program:gb]
            command=/bin/sleep 1000
            autostart=false
            startsecs=0
            priority=1
            """;

    @TempDir
    Path dir;
    RpcHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new RpcHarness(dir, PROGRAMS);
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    @Test
    void startWithWaitAnswersOnceRunning() throws Exception {
        long t0 = System.nanoTime();
        assertThat(h.call("supervisor.startProcess", of("sleeper"))).isEqualTo(of(true));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(1_000_000_000L); // startsecs=1
        assertThat(h.state("sleeper")).isEqualTo("RUNNING");
        assertThat(h.info("sleeper").getString("description")).startsWith("pid ");
    }

    @Test
    void startWithoutWaitAnswersWhileStarting() throws Exception {
        assertThat(h.call("supervisor.startProcess", of("sleeper"), of(false))).isEqualTo(of(true));
        assertThat(h.state("sleeper")).isEqualTo("STARTING");
        assertThat(h.fault("supervisor.startProcess", of("sleeper")))
                .extracting("faultCode", "faultString").containsExactly(60, "ALREADY_STARTED: sleeper");
    }

    @Test
    void startsecsZeroIsRunningAtOnce() throws Exception {
        assertThat(h.call("supervisor.startProcess", of("quick"), of(false))).isEqualTo(of(true));
        assertThat(h.state("quick")).isEqualTo("RUNNING");
    }

    @Test
    void stopWithWaitAnswersOnceStopped() throws Exception {
        h.call("supervisor.startProcess", of("quick"));
        long pid = h.info("quick").getLong("pid");
        assertThat(h.call("supervisor.stopProcess", of("quick"))).isEqualTo(of(true));
        XmlRpcValue.Struct info = h.info("quick");
        assertThat(info.getString("statename")).isEqualTo("STOPPED");
        assertThat(info.getInt("exitstatus")).isEqualTo(-1); // terminated by SIGTERM
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(h.fault("supervisor.stopProcess", of("quick")).faultString()).isEqualTo("NOT_RUNNING: quick");
    }

    @Test
    void stopWaitsThroughSigkillAndReportsEveryTwoSeconds() throws Exception {
        h.call("supervisor.startProcess", of("stubborn"));
        h.awaitFile("stubborn.out", "ready\n"); // TERM is ignored from now on
        long t0 = System.nanoTime();
        assertThat(h.call("supervisor.stopProcess", of("stubborn"))).isEqualTo(of(true));
        assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(3_000_000_000L); // stopwaitsecs, then SIGKILL
        String log = java.nio.file.Files.readString(dir.resolve("main.log"));
        assertThat(log).contains("killing 'stubborn'");
        assertThat(log.split("waiting for stubborn to stop", -1)).hasSize(3); // at 0 s and about 2 s
        assertThat(h.info("stubborn").getString("statename")).isEqualTo("STOPPED");
    }

    @Test
    void waitsNeverMissAStateChange() throws Exception {
        // a wait completes from the loop's state-change fan-out; a lost wake-up would hang here (bounded)
        for (int i = 0; i < 100; i++) {
            assertThat(h.call("supervisor.startProcess", of("quick"))).isEqualTo(of(true));
            assertThat(h.call("supervisor.stopProcess", of("quick"))).isEqualTo(of(true));
        }
        assertThat(h.state("quick")).isEqualTo("STOPPED");
    }

    @Test
    void stopWithoutWaitAnswersWhileStopping() throws Exception {
        h.call("supervisor.startProcess", of("quick"));
        assertThat(h.call("supervisor.stopProcess", of("quick"), of(false))).isEqualTo(of(true));
        h.await("quick to stop", () -> stateIs("quick", "STOPPED"));
    }

    @Test
    void startFaults() throws Exception {
        assertThat(h.fault("supervisor.startProcess", of("nosuch")).faultString()).isEqualTo("BAD_NAME: nosuch");
        assertThat(h.fault("supervisor.startProcess", of("ga")).faultString()).isEqualTo("BAD_NAME: ga");
        assertThat(h.fault("supervisor.startProcess", of("missing")).faultString())
                .isEqualTo("NO_FILE: can't find command '/nonexistent/program'");
        assertThat(h.fault("supervisor.startProcess", of("isdir")).faultCode())
                .isEqualTo(Fault.NOT_EXECUTABLE.code());
        assertThat(h.fault("supervisor.startProcess", of("dies")).faultString()).isEqualTo("SPAWN_ERROR: dies");
        assertThat(h.fault("supervisor.getProcessInfo", of("grp:*")).faultString()).isEqualTo("BAD_NAME: grp:*");
    }

    /** Supervisor opens the logs before the fork: a log it cannot open is a spawn error, and nothing runs. */
    @Test
    void aLogThatCannotBeOpenedIsASpawnError() throws Exception {
        assertThat(h.fault("supervisor.startProcess", of("badlog")).faultString()).isEqualTo("SPAWN_ERROR: badlog");
        h.await("badlog to give up", () -> stateIs("badlog", "FATAL"));
        XmlRpcValue.Struct info = h.info("badlog");
        assertThat(info.getString("description")).isEqualTo("unknown error making dispatchers for 'badlog': EISDIR");
        assertThat(info.getLong("pid")).isZero();
    }

    @Test
    void exitTooQuicklyWithoutWaitThenFatal() throws Exception {
        assertThat(h.call("supervisor.startProcess", of("dies"), of(false))).isEqualTo(of(true));
        h.await("dies to give up", () -> stateIs("dies", "FATAL"));
        assertThat(h.info("dies").getString("description"))
                .isEqualTo("Exited too quickly (process log may have details)");
    }

    @Test
    void groupStartAndStopReportEveryProcess() throws Exception {
        XmlRpcValue started = h.call("supervisor.startProcessGroup", of("grp"));
        assertThat(results(started)).containsExactly("grp:gb 80 OK", "grp:ga 80 OK"); // priority order
        assertThat(h.call("supervisor.startProcessGroup", of("grp")).asList()).isEmpty(); // all running
        assertThat(h.call("supervisor.startProcess", of("grp:"), of(false)))
                .isEqualTo(XmlRpcValue.array()); // a group spec delegates: nothing left to start
        XmlRpcValue stopped = h.call("supervisor.stopProcess", of("grp:*"));
        assertThat(results(stopped)).containsExactlyInAnyOrder("grp:gb 80 OK", "grp:ga 80 OK");
        assertThat(h.fault("supervisor.startProcessGroup", of("nope")).faultString()).isEqualTo("BAD_NAME: nope");
    }

    @Test
    void startAllAndStopAll() throws Exception {
        XmlRpcValue all = h.call("supervisor.startAllProcesses", of(false));
        assertThat(results(all)).contains("missing:missing 20 NO_FILE: can't find command '/nonexistent/program'",
                "quick:quick 80 OK", "grp:ga 80 OK", "sleeper:sleeper 80 OK");
        h.await("sleeper running", () -> stateIs("sleeper", "RUNNING"));
        XmlRpcValue stopped = h.call("supervisor.stopAllProcesses");
        assertThat(results(stopped)).contains("quick:quick 80 OK", "grp:ga 80 OK", "grp:gb 80 OK",
                "sleeper:sleeper 80 OK");
        for (XmlRpcValue v : h.call("supervisor.getAllProcessInfo").asList()) {
            assertThat(v.asStruct().getInt("pid")).isZero();
        }
    }

    @Test
    void signals() throws Exception {
        h.call("supervisor.startProcess", of("quick"));
        assertThat(h.call("supervisor.signalProcess", of("quick"), of("CONT"))).isEqualTo(of(true));
        assertThat(h.call("supervisor.signalProcess", of("quick"), of(18))).isEqualTo(of(true));
        assertThat(h.fault("supervisor.signalProcess", of("quick"), of("NOPE")).faultString())
                .isEqualTo("BAD_SIGNAL: NOPE");
        assertThat(h.fault("supervisor.signalProcess", of("nosuch"), of("NOPE")).faultString())
                .isEqualTo("BAD_NAME: nosuch");
        assertThat(h.fault("supervisor.signalProcess", of("sleeper"), of("HUP")).faultString())
                .isEqualTo("NOT_RUNNING: sleeper");
        h.call("supervisor.startProcessGroup", of("grp"));
        assertThat(results(h.call("supervisor.signalProcessGroup", of("grp"), of("SIGCONT"))))
                .containsExactly("grp:gb 80 OK", "grp:ga 80 OK");
        assertThat(results(h.call("supervisor.signalAllProcesses", of("KILL"))))
                .containsExactly("grp:gb 80 OK", "grp:ga 80 OK", "quick:quick 80 OK");
        h.await("killed children to be restarted or exited", () -> stateIs("quick", "EXITED")
                || stateIs("quick", "RUNNING"));
    }

    private boolean stateIs(String name, String state) {
        try {
            return h.state(name).equals(state);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** "group:name status description" per bulk result. */
    static List<String> results(XmlRpcValue v) {
        return v.asList().stream().map(XmlRpcValue::asStruct).map(s -> s.getString("group") + ":"
                + s.getString("name") + " " + s.getInt("status") + " " + s.getString("description")).toList();
    }
}
