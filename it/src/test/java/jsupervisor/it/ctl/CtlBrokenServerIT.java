package jsupervisor.it.ctl;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server that is not supervisord (resets, garbage, silence, an empty answer): the error line supervisorctl
 * prints names the same Python exception, text and place as the reference's, and the exit status is the same.
 */
class CtlBrokenServerIT {
    @ParameterizedTest
    @EnumSource(BrokenServer.Misbehaviour.class)
    void brokenServersAreReportedAsPythonsHttpClientReportsThem(BrokenServer.Misbehaviour how) throws Exception {
        try (BrokenServer server = new BrokenServer(how); Twin twin = Twin.withoutDaemon()) {
            for (String cmd : new String[] {"status", "pid", "version", "start x", "maintail"}) {
                twin.same("-s", server.url(), cmd);
            }
        }
    }
}
