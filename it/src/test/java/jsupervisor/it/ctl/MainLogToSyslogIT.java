package jsupervisor.it.ctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.Test;

/** {@code logfile=syslog}: the main log has no file, and readLog, maintail and clearLog say so as Supervisor does. */
class MainLogToSyslogIT {
    @Test
    void readLogMaintailAndClearLogFindNoFile() throws Exception {
        try (Twin twin = Twin.start("syslog.conf", Map.of("VARIANT", ""))) {
            for (Twin.Side side : new Twin.Side[] {twin.reference, twin.ours}) {
                assertThatThrownBy(() -> side.daemon().rpc("supervisor.readLog", XmlRpcValue.of(0), XmlRpcValue.of(0)))
                        .as(side == twin.reference ? "reference side" : "our side")
                        .isInstanceOfSatisfying(XmlRpcFault.class,
                                f -> assertThat(f.faultString()).isEqualTo("NO_FILE: syslog"));
                assertThatThrownBy(() -> side.daemon().rpc("supervisor.clearLog"))
                        .isInstanceOfSatisfying(XmlRpcFault.class,
                                f -> assertThat(f.faultString()).isEqualTo("NO_FILE"));
            }
            twin.same("-c", "${CONF}", "maintail");
            twin.same("-c", "${CONF}", "maintail", "-5");
        }
    }
}
