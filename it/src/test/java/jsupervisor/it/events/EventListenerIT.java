package jsupervisor.it.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.it.Await;
import jsupervisor.it.DaemonHarness;
import jsupervisor.it.Launchers;

/** A listener written with the real supervisor.childutils receives our daemon's events (REFERENCE.md §10). */
class EventListenerIT {
    private static final Duration T = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void childutilsListenerReceivesStateGroupLogAndRemoteEvents() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/lib/python3/dist-packages/supervisor/childutils.py")),
                "needs the supervisor package");
        Path script = dir.resolve("record_listener.py");
        try (var in = getClass().getResourceAsStream("/events/record_listener.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path events = dir.resolve("events.txt");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [unix_http_server]
                file=%s/s.sock
                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface
                [eventlistener:rec]
                command=/usr/bin/python3 %s %s
                events=PROCESS_STATE,PROCESS_GROUP,PROCESS_LOG,REMOTE_COMMUNICATION,SUPERVISOR_STATE_CHANGE
                startsecs=0
                [program:talk]
                command=/bin/sh -c 'echo hello; exec sleep 1000'
                startsecs=0
                stdout_events_enabled=true
                """.formatted(dir, script, events))) {
            Await.until("talk RUNNING event", T, () -> read(events).contains("PROCESS_STATE_RUNNING")
                    && read(events).contains("processname:talk groupname:talk from_state:STARTING pid:"));
            Launchers.Result r = Launchers.run(List.of("/usr/bin/python3", "-c", """
                    import xmlrpc.client, http.client, socket, sys
                    class C(http.client.HTTPConnection):
                        def connect(self):
                            self.sock = socket.socket(socket.AF_UNIX); self.sock.connect(sys.argv[1])
                    class T(xmlrpc.client.Transport):
                        def make_connection(self, host): return C('localhost')
                    s = xmlrpc.client.ServerProxy('http://localhost/RPC2', transport=T())
                    print(s.supervisor.sendRemoteCommEvent('mytype', 'my data'))
                    """, dir.resolve("s.sock").toString()), dir, Map.of(), T);
            assertThat(r.stdout()).isEqualTo("True\n");
            Await.until("remote communication event", T, () -> read(events)
                    .contains("REMOTE_COMMUNICATION serial:"));
            String got = read(events);
            assertThat(got).contains("PROCESS_GROUP_ADDED serial:0 pool:rec | groupname:rec\\n")
                    .contains("SUPERVISOR_STATE_CHANGE_RUNNING")
                    .contains("| processname:talk groupname:talk from_state:STOPPED tries:0")
                    .contains("channel:stdout\\nhello\\n")
                    .contains("| type:mytype\\nmy data");
        }
    }

    @Test
    void captureModeTurnsTokenWrappedOutputIntoCommunicationEvents() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/lib/python3/dist-packages/supervisor/childutils.py")),
                "needs the supervisor package");
        Path script = dir.resolve("record_listener.py");
        try (var in = getClass().getResourceAsStream("/events/record_listener.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path events = dir.resolve("events.txt");
        Path log = dir.resolve("comm.log");
        try (DaemonHarness d = DaemonHarness.start(dir, """
                [eventlistener:rec]
                command=/usr/bin/python3 %s %s
                events=PROCESS_COMMUNICATION
                startsecs=0
                [program:comm]
                command=/bin/sh -c 'echo before; printf "<!--XSUPERVISOR:BEGIN-->captured data<!--XSUPERVISOR:END-->"; echo after; echo more; exec sleep 1000'
                startsecs=0
                stdout_capture_maxbytes=1MB
                stdout_logfile=%s
                """.formatted(script, events, log))) {
            Await.until("communication event", T, () -> read(events).contains(
                    "PROCESS_COMMUNICATION_STDOUT serial:0 pool:rec | processname:comm groupname:comm pid:"));
            assertThat(read(events)).endsWith("\\ncaptured data\n");
            // what was captured stays out of the log; what surrounds it goes in
            Await.until("log outside the capture", T, () -> read(log).contains("before\n"));
            assertThat(read(log)).doesNotContain("captured data");
        }
    }
}
