package jsupervisor.daemon.rpc;

import static jsupervisor.common.xmlrpc.XmlRpcValue.of;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reloadConfig after editing the file, then what supervisorctl update does with add/removeProcessGroup. */
class ReloadIT {
    private static final String BEFORE = """
            [program:keep]
            command=/bin/sleep 1000
            startsecs=0

            [program:change]
            command=/bin/sleep 1000
            startsecs=0

            [program:gone]
            command=/bin/sleep 1000
            startsecs=0
            """;
    private static final String AFTER = """
            [program:keep]
            command=/bin/sleep 1000
            startsecs=0

            [program:change]
            command=/bin/sleep 2000
            startsecs=0

            [program:fresh]
            command=/bin/sleep 1000
            startsecs=0
            """;

    @TempDir
    Path dir;
    RpcHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new RpcHarness(dir, BEFORE);
        h.await("all running", () -> allRunning());
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private boolean allRunning() {
        try {
            return h.call("supervisor.getAllProcessInfo").asList().stream()
                    .allMatch(v -> v.asStruct().getString("statename").equals("RUNNING"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void rereadReportsAddedChangedRemoved() throws Exception {
        assertThat(h.call("supervisor.reloadConfig")).isEqualTo(diff(new String[0], new String[0]));
        h.writeConfig(AFTER);
        assertThat(h.call("supervisor.reloadConfig")).isEqualTo(diff(new String[] {"fresh"},
                new String[] {"change"}, "gone"));
        // nothing is applied by a reread
        assertThat(h.state("gone")).isEqualTo("RUNNING");
        assertThat(h.fault("supervisor.getProcessInfo", of("fresh")).faultString()).isEqualTo("BAD_NAME: fresh");
        assertThat(h.call("supervisor.getAllConfigInfo").asList()).extracting(v -> v.asStruct().getString("name"))
                .containsExactly("change", "fresh", "keep");
        // freshly read configs show 'auto' until their group is added again (Supervisor resolves AUTO in place)
        assertThat(h.call("supervisor.getAllConfigInfo").asList()).extracting(v -> v.asStruct()
                .getString("stdout_logfile")).containsOnly("auto");
    }

    @Test
    void updateStopsRemovesAndAdds() throws Exception {
        h.writeConfig(AFTER);
        h.call("supervisor.reloadConfig");
        assertThat(h.fault("supervisor.removeProcessGroup", of("gone")).faultString())
                .isEqualTo("STILL_RUNNING: gone");
        h.call("supervisor.stopProcessGroup", of("gone"));
        assertThat(h.call("supervisor.removeProcessGroup", of("gone"))).isEqualTo(of(true));
        assertThat(h.fault("supervisor.removeProcessGroup", of("gone")).faultString()).isEqualTo("BAD_NAME: gone");
        h.call("supervisor.stopProcessGroup", of("change"));
        h.call("supervisor.removeProcessGroup", of("change"));
        assertThat(h.call("supervisor.addProcessGroup", of("change"))).isEqualTo(of(true));
        assertThat(h.call("supervisor.addProcessGroup", of("fresh"))).isEqualTo(of(true));
        assertThat(h.fault("supervisor.addProcessGroup", of("fresh")).faultString())
                .isEqualTo("ALREADY_ADDED: fresh");
        assertThat(h.fault("supervisor.addProcessGroup", of("gone")).faultString()).isEqualTo("BAD_NAME: gone");
        h.await("added groups autostarted", this::allRunning);
        var logs = h.call("supervisor.getAllConfigInfo").asList().stream()
                .map(v -> v.asStruct().getString("stdout_logfile")).toList();
        assertThat(logs.get(0)).startsWith(dir + "/change-stdout---rpc-it-");
        assertThat(logs.get(1)).startsWith(dir + "/fresh-stdout---rpc-it-");
        assertThat(logs.get(2)).isEqualTo("auto"); // keep was never re-added after the reread
        assertThat(h.call("supervisor.reloadConfig")).isEqualTo(diff(new String[0], new String[0]));
        assertThat(h.call("supervisor.getAllProcessInfo").asList())
                .extracting(v -> v.asStruct().getString("name")).containsExactly("change", "fresh", "keep");
    }

    @Test
    void aBrokenConfigCannotBeReread() throws Exception {
        h.writeConfig("[program:bad]\ncommand=/bin/true\nstartsecs=ten\n");
        assertThat(h.fault("supervisor.reloadConfig").faultString()).startsWith("CANT_REREAD: ");
    }

    private static XmlRpcValue diff(String[] added, String[] changed, String... removed) {
        return XmlRpcValue.array(XmlRpcValue.array(names(added), names(changed), names(removed)));
    }

    private static XmlRpcValue names(String[] names) {
        return XmlRpcValue.array(java.util.Arrays.stream(names).map(XmlRpcValue::of).toList());
    }
}
