package jsupervisor.ctl.commands;

import static jsupervisor.ctl.testing.FakeRpc.info;
import static jsupervisor.ctl.testing.FakeRpc.list;
import static org.assertj.core.api.Assertions.assertThat;

import jsupervisor.ctl.PythonError;
import jsupervisor.ctl.testing.Session;
import org.junit.jupiter.api.Test;

class StatusCommandTest {
    private final Session s = new Session();

    private void table() {
        s.rpc.returns("getAllProcessInfo", list(
                info("grp", "ga", 20, "RUNNING", "pid 12, uptime 0:00:10", 12),
                info("grp", "gb", 0, "STOPPED", "Not started", 0),
                info("sleeper", "sleeper", 10, "STARTING", "", 0)));
    }

    @Test
    void allProcessesPaddedToThirtyPlusThree() {
        table();
        assertThat(s.run("status")).isEqualTo(
                "grp:ga                           RUNNING   pid 12, uptime 0:00:10\n"
                + "grp:gb                           STOPPED   Not started\n"
                + "sleeper                          STARTING  \n");
        assertThat(s.exitStatus()).isEqualTo(3);
        assertThat(s.rpc.calls).containsExactly("getVersion()", "getAllProcessInfo()");
    }

    @Test
    void longNamesWidenEveryLine() {
        s.rpc.returns("getAllProcessInfo", list(
                info("a_very_long_program_name_exceeding_thirty", "a_very_long_program_name_exceeding_thirty", 20,
                        "RUNNING", "pid 1, uptime 0:00:02", 1),
                info("big", "big", 0, "STOPPED", "Not started", 0)));
        assertThat(s.run("status")).isEqualTo(
                "a_very_long_program_name_exceeding_thirty   RUNNING   pid 1, uptime 0:00:02\n"
                + "big                                         STOPPED   Not started\n");
    }

    @Test
    void badNamesComeFirstAndSetFour() {
        table();
        assertThat(s.run("status nosuch grp:zz zz: sleeper")).isEqualTo(
                "nosuch: ERROR (no such process)\n"
                + "grp:zz: ERROR (no such process)\n"
                + "zz: ERROR (no such group)\n"
                + "sleeper                          STARTING  \n");
        assertThat(s.exitStatus()).isEqualTo(4);
    }

    @Test
    void runningProcessesOnlyExitZero() {
        table();
        assertThat(s.run("status grp:ga sleeper")).contains("grp:ga", "sleeper");
        assertThat(s.exitStatus()).isZero();
    }

    @Test
    void failedUpcheckIsFourForStatus() {
        s.rpc.on("getVersion", p -> {
            throw PythonError.unixSocket(PythonError.ENOENT, "No such file or directory");
        });
        assertThat(s.run("status")).isEqualTo("unix:///tmp/fake.sock no such file\n");
        assertThat(s.exitStatus()).isEqualTo(4);
    }
}
