package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process info structs, child log reads and tails, log clearing and stdin, against real children. */
class ProcessIoIT {
    @TempDir
    Path dir;
    RpcHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new RpcHarness(dir, """
                [program:cat]
                command=/bin/cat
                startsecs=0
                stdout_logfile=%(here)s/cat.out
                stderr_logfile=NONE

                [program:auto]
                command=/bin/sleep 1000
                autostart=false

                [program:deaf]
                command=/bin/sh -c "exec 0<&-; echo closed; exec /bin/sleep 1000"
                autostart=false
                startsecs=0
                stdout_logfile=%(here)s/deaf.out

                [program:mute]
                command=/bin/sleep 1000
                autostart=false
                startsecs=0

                [group:b]
                programs=zz,aa

                [program:zz]
                command=/bin/sleep 1000
                autostart=false

                [program:aa]
                command=/bin/sleep 1000
                autostart=false
                """);
        h.await("cat running", () -> running("cat"));
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private boolean running(String name) {
        try {
            return h.state(name).equals("RUNNING");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stdinReachesTheChildAndItsOutputTheLog() throws Exception {
        assertThat(h.call("supervisor.sendProcessStdin", of("cat"), of("hello\n"))).isEqualTo(of(true));
        assertThat(h.call("supervisor.sendProcessStdin", of("cat"), of("wörld\n"))).isEqualTo(of(true));
        h.await("cat's echo in its log", () -> read(0, 0).equals("hello\nwörld\n"));
        assertThat(read(6, 3)).isEqualTo("wö"); // byte offsets: 'ö' is two bytes
        assertThat(read(-7, 0)).isEqualTo("wörld\n");
        assertThat(h.answer("supervisor.readProcessStdoutLog", of("cat"), of(7), of(1)))
                .isInstanceOf(RpcAnswer.ServerError.class); // half a character: HTTP 500 as in Supervisor
        assertThat(h.fault("supervisor.readProcessLog", of("cat"), of(-1), of(1)).faultString())
                .isEqualTo("BAD_ARGUMENTS");
        assertThat(h.fault("supervisor.readProcessStderrLog", of("cat"), of(0), of(0)).faultString())
                .isEqualTo("NO_FILE");
        assertThat(h.fault("supervisor.readProcessStdoutLog", of("nope"), of(0), of(0)).faultString())
                .isEqualTo("BAD_NAME: nope");
    }

    @Test
    void tailFollowsSupervisorsOffsets() throws Exception {
        h.call("supervisor.sendProcessStdin", of("cat"), of("0123456789\n"));
        h.await("output", () -> read(0, 0).length() == 11);
        assertThat(tail(0, 4)).isEqualTo(List.of(of("789\n"), of(11), of(true)));
        assertThat(tail(11, 4)).isEqualTo(List.of(of(""), of(11), of(false)));
        assertThat(tail(5, 100)).isEqualTo(List.of(of("0123456789\n"), of(11), of(false)));
        assertThat(h.call("supervisor.tailProcessLog", of("cat"), of(0), of(100)).asList()).hasSize(3);
        assertThat(h.call("supervisor.tailProcessStderrLog", of("cat"), of(0), of(10)).asList())
                .isEqualTo(List.of(of(""), of(0), of(false)));
    }

    @Test
    void clearProcessLogsEmptiesTheLogOfARunningChild() throws Exception {
        h.call("supervisor.sendProcessStdin", of("cat"), of("x\n"));
        h.await("output", () -> read(0, 0).equals("x\n"));
        assertThat(h.call("supervisor.clearProcessLogs", of("cat"))).isEqualTo(of(true));
        assertThat(read(0, 0)).isEmpty();
        assertThat(h.call("supervisor.clearProcessLog", of("auto"))).isEqualTo(of(true)); // not running: no-op
        List<String> all = StartStopIT.results(h.call("supervisor.clearAllProcessLogs"));
        assertThat(all).containsExactly("auto:auto 80 OK", "b:zz 80 OK", "b:aa 80 OK", "cat:cat 80 OK",
                "deaf:deaf 80 OK", "mute:mute 80 OK");
    }

    @Test
    void moreStdinThanThePipeHoldsGoesOutWhenItDrains() throws Exception {
        String line = "y".repeat(1023) + "\n";
        String big = line.repeat(300); // 300 KiB: several times a pipe's capacity
        assertThat(h.call("supervisor.sendProcessStdin", of("cat"), of(big))).isEqualTo(of(true));
        h.await("all of it echoed", () -> logSize() == big.length());
        assertThat(read(0, 0)).isEqualTo(big);
    }

    @Test
    void aChildThatClosedItsStdinIsNoFile() throws Exception {
        h.call("supervisor.startProcess", of("deaf"));
        h.await("deaf to close its stdin", () -> Files.exists(dir.resolve("deaf.out"))
                && readString(dir.resolve("deaf.out")).equals("closed\n"));
        assertThat(h.fault("supervisor.sendProcessStdin", of("deaf"), of("x")).faultString())
                .isEqualTo("NO_FILE: deaf");
        assertThat(h.fault("supervisor.sendProcessStdin", of("deaf"), of("x")).faultString())
                .isEqualTo("NO_FILE: deaf");
    }

    @Test
    void aChildThatDoesNotReadKeepsItsBufferUntilItStops() throws Exception {
        h.call("supervisor.startProcess", of("mute"));
        assertThat(h.call("supervisor.sendProcessStdin", of("mute"), of("z".repeat(200_000)))).isEqualTo(of(true));
        assertThat(h.call("supervisor.stopProcess", of("mute"))).isEqualTo(of(true));
    }

    @Test
    void stdinFaults() throws Exception {
        assertThat(h.fault("supervisor.sendProcessStdin", of("auto"), of("x")).faultString())
                .isEqualTo("NOT_RUNNING: auto");
        assertThat(h.fault("supervisor.sendProcessStdin", of("cat"), of(5)).faultString())
                .isEqualTo("INCORRECT_PARAMETERS: 5");
        assertThat(h.fault("supervisor.sendProcessStdin", of("b:*"), of("x")).faultString())
                .isEqualTo("BAD_NAME: b:*");
    }

    @Test
    void allProcessInfoIsLexicalAndShapedLikeSupervisors() throws Exception {
        List<XmlRpcValue> all = h.call("supervisor.getAllProcessInfo").asList();
        assertThat(all.stream().map(v -> v.asStruct().getString("group") + ":" + v.asStruct().getString("name")))
                .containsExactly("auto:auto", "b:aa", "b:zz", "cat:cat", "deaf:deaf", "mute:mute");
        assertThat(shape(all.get(3))).isEqualTo(reference("getProcessInfo"));
        XmlRpcValue.Struct cat = all.get(3).asStruct();
        assertThat(cat.getString("stdout_logfile")).isEqualTo(dir.resolve("cat.out").toString());
        assertThat(cat.getString("logfile")).isEqualTo(cat.getString("stdout_logfile"));
        assertThat(cat.getString("stderr_logfile")).isEmpty();
        assertThat(all.get(0).asStruct().getString("description")).isEqualTo("Not started");
        assertThat(all.get(0).asStruct().getString("stdout_logfile")).startsWith(dir + "/auto-stdout---rpc-it-");
        assertThat(shape(h.call("supervisor.getState"))).isEqualTo(reference("getState"));
        assertThat(shape(h.call("supervisor.stopProcessGroup", of("cat")).asList().get(0)))
                .isEqualTo(reference("stopProcessGroup"));
    }

    @Test
    void configInfoIsShapedLikeSupervisors() throws Exception {
        List<XmlRpcValue> all = h.call("supervisor.getAllConfigInfo").asList();
        assertThat(all.stream().map(v -> v.asStruct().getString("name")))
                .containsExactly("aa", "auto", "cat", "deaf", "mute", "zz");
        XmlRpcValue.Struct auto = all.get(1).asStruct();
        assertThat(shape(auto)).isEqualTo(reference("getAllConfigInfo"));
        // the stored config of an active group has its AUTO name resolved, as the real daemon shows it
        assertThat(auto.getString("stdout_logfile")).startsWith(dir + "/auto-stdout---rpc-it-");
        assertThat(auto.getString("directory")).isEqualTo("none");
        assertThat(auto.getString("uid")).isEqualTo("none");
        assertThat(auto.get("exitcodes")).isEqualTo(XmlRpcValue.array(of(0)));
        assertThat(auto.getBoolean("inuse")).isTrue();
        assertThat(all.get(2).asStruct().getString("stderr_logfile")).isEqualTo("none");
    }

    private static String readString(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private long logSize() {
        try {
            return h.call("supervisor.tailProcessStdoutLog", of("cat"), of(0), of(0)).asList().get(1).asLong();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String read(int offset, int length) {
        try {
            return h.call("supervisor.readProcessStdoutLog", of("cat"), of(offset), of(length)).asString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<XmlRpcValue> tail(int offset, int length) throws Exception {
        return h.call("supervisor.tailProcessStdoutLog", of("cat"), of(offset), of(length)).asList();
    }

    /** "member:type ..." of a struct, in wire order. */
    static String shape(XmlRpcValue v) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, XmlRpcValue> e : v.asStruct().members().entrySet()) {
            out.add(e.getKey() + ":" + e.getValue().typeName());
        }
        return String.join(" ", out);
    }

    /** The shape recorded from the real supervisord 4.2.5 (reference-structs.txt). */
    static String reference(String method) throws Exception {
        for (String line : Files.readAllLines(Path.of(ProcessIoIT.class.getResource("reference-structs.txt")
                .toURI()))) {
            if (line.startsWith(method + " ")) {
                return line.substring(method.length() + 1);
            }
        }
        throw new AssertionError("no reference for " + method);
    }
}
