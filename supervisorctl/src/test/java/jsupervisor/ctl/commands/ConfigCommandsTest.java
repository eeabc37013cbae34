package jsupervisor.ctl.commands;

import static jsupervisor.ctl.testing.FakeRpc.info;
import static jsupervisor.ctl.testing.FakeRpc.list;
import static jsupervisor.ctl.testing.FakeRpc.result;
import static org.assertj.core.api.Assertions.assertThat;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.testing.Session;
import org.junit.jupiter.api.Test;

class ConfigCommandsTest {
    private final Session s = new Session();

    private static XmlRpcValue changes(String[] added, String[] changed, String[] removed) {
        return list(list(names(added), names(changed), names(removed)));
    }

    private static XmlRpcValue names(String... n) {
        return XmlRpcValue.array(java.util.Arrays.stream(n).map(XmlRpcValue::of).toList());
    }

    @Test
    void rereadSortsByName() {
        s.rpc.returns("reloadConfig", changes(new String[] {"zed"}, new String[] {"alpha"}, new String[] {"mid"}));
        assertThat(s.run("reread")).isEqualTo("alpha: changed\nmid: disappeared\nzed: available\n");
        s.rpc.returns("reloadConfig", changes(new String[0], new String[0], new String[0]));
        assertThat(s.run("reread")).isEqualTo("No config updates to processes\n");
        s.rpc.fails("reloadConfig", 92, "CANT_REREAD: bad");
        assertThat(s.run("reread")).isEqualTo("ERROR: CANT_REREAD: bad\n");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void updateRemovesChangesAndAdds() {
        s.rpc.returns("reloadConfig", changes(new String[] {"new"}, new String[] {"chg"}, new String[] {"old"}))
                .returns("stopProcessGroup", list(result("old", "old", 80, "OK")))
                .returns("removeProcessGroup", XmlRpcValue.of(true))
                .returns("addProcessGroup", XmlRpcValue.of(true));
        assertThat(s.run("update")).isEqualTo("old: stopped\nold: removed process group\nchg: stopped\n"
                + "chg: updated process group\nnew: added process group\n");
        assertThat(s.exitStatus()).isZero();
    }

    @Test
    void updateOfUnknownGroupsAndFailedStops() {
        s.rpc.returns("reloadConfig", changes(new String[0], new String[0], new String[] {"old"}))
                .returns("getAllProcessInfo", list(info("old", "old", 20, "RUNNING", "", 1)))
                .returns("stopProcessGroup", list(result("old", "old", 30, "FAILED")));
        assertThat(s.run("update nosuch old")).isEqualTo("ERROR: no such group: nosuch\nold: stopped\n"
                + "old: has problems; not removing\n");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void addAlreadyActiveKeepsTheStatus() {
        s.rpc.fails("addProcessGroup", 90, "ALREADY_ADDED: g");
        assertThat(s.run("add g")).isEqualTo("ERROR: process group already active\n");
        assertThat(s.exitStatus()).isZero();
        s.rpc.fails("removeProcessGroup", 91, "STILL_RUNNING: g");
        assertThat(s.run("remove g")).isEqualTo("ERROR: process/group still running: g\n");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void availFormatsColumns() {
        s.rpc.returns("getAllConfigInfo", list(XmlRpcValue.Struct.builder().put("name", "ga").put("group", "grp")
                .put("inuse", true).put("autostart", false).put("group_prio", 999).put("process_prio", 5).build()));
        assertThat(s.run("avail")).isEqualTo("grp:ga                           in use    manual    999:5\n");
    }
}
