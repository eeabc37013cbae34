package jsupervisor.common.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import jsupervisor.common.xmlrpc.Captured;
import jsupervisor.common.xmlrpc.XmlRpcReader;
import jsupervisor.common.xmlrpc.XmlRpcTypeException;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.common.xmlrpc.XmlRpcWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessInfoTest {
    private static final ProcessInfo SLEEPER = new ProcessInfo("sleeper", "web", "pid 5427, uptime 0:00:09",
            1795500749, 0, 1795500758, 20, "RUNNING", "", 0, "/tmp/xrcap/sleeper.out", "/tmp/xrcap/sleeper.out",
            "/tmp/xrcap/sleeper.err", 5427);

    private final XmlRpcReader reader = new XmlRpcReader();

    @Test
    void readsSupervisordsGetProcessInfoAnswer() throws Exception {
        var struct = reader.readMethodResponse(Captured.bytes("response-getProcessInfo.xml")).asStruct();
        assertThat(ProcessInfo.fromStruct(struct)).isEqualTo(SLEEPER);
    }

    @Test
    void writesSupervisordsGetProcessInfoAnswerByteForByte() {
        assertThat(XmlRpcWriter.methodResponse(SLEEPER.toStruct()))
                .isEqualTo(Captured.bytes("response-getProcessInfo.xml"));
    }

    @Test
    void getAllProcessInfoElementsRoundTrip() throws Exception {
        byte[] captured = Captured.bytes("response-getAllProcessInfo.xml");
        List<XmlRpcValue> all = reader.readMethodResponse(captured).asList();
        List<ProcessInfo> infos = all.stream().map(v -> ProcessInfo.fromStruct(v.asStruct())).toList();
        assertThat(infos).extracting(ProcessInfo::namespec).containsExactly("other", "web:sleeper");
        assertThat(infos.getFirst().stateCode()).isEqualTo(ProcessStateCode.STOPPED);
        assertThat(infos.getFirst().description()).isEqualTo("Not started");
        assertThat(XmlRpcWriter.methodResponse(XmlRpcValue.array(infos.stream().map(ProcessInfo::toStruct).toList())))
                .isEqualTo(captured);
    }

    @Test
    void timestampsAreCappedToThirtyTwoBitsOnTheWireLikeCappedInt() {
        var future = new ProcessInfo("p", "p", "", 3_000_000_000L, -3_000_000_000L, 1L << 40, 0, "STOPPED", "", 0,
                "", "", "", 0);
        var struct = future.toStruct();
        assertThat(struct.getInt("start")).isEqualTo(Integer.MAX_VALUE);
        assertThat(struct.getInt("stop")).isEqualTo(Integer.MIN_VALUE);
        assertThat(struct.getInt("now")).isEqualTo(Integer.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "2147483647, 2147483647", "2147483648, 2147483647", "-2147483649, -2147483648"})
    void cappedIntClamps(long value, int capped) {
        assertThat(ProcessInfo.cappedInt(value)).isEqualTo(capped);
    }

    @Test
    void membersANewerServerAddsAreIgnored() {
        var extended = XmlRpcValue.Struct.builder();
        SLEEPER.toStruct().members().forEach(extended::put);
        extended.put("cgroup", "/system.slice");
        assertThat(ProcessInfo.fromStruct(extended.build())).isEqualTo(SLEEPER);
    }

    @Test
    void missingOrMistypedMembersAreTypeErrors() {
        var missing = XmlRpcValue.Struct.builder();
        SLEEPER.toStruct().members().forEach((k, v) -> {
            if (!k.equals("pid")) {
                missing.put(k, v);
            }
        });
        assertThatThrownBy(() -> ProcessInfo.fromStruct(missing.build()))
                .isInstanceOf(XmlRpcTypeException.class).hasMessageContaining("pid");
        var mistyped = XmlRpcValue.Struct.builder();
        SLEEPER.toStruct().members().forEach((k, v) -> mistyped.put(k, k.equals("state") ? XmlRpcValue.of("20") : v));
        assertThatThrownBy(() -> ProcessInfo.fromStruct(mistyped.build()))
                .isInstanceOf(XmlRpcTypeException.class).hasMessageContaining("expected int but got string");
    }

    @Test
    void namespecIsShortWhenGroupAndNameAgree() {
        assertThat(SLEEPER.namespec()).isEqualTo("web:sleeper");
        assertThat(new ProcessInfo("cat", "cat", "", 0, 0, 0, 0, "STOPPED", "", 0, "", "", "", 0).namespec())
                .isEqualTo("cat");
    }

    @Test
    void nullStringsAreRefused() {
        assertThatThrownBy(() -> new ProcessInfo("p", "p", "", 0, 0, 0, 0, "STOPPED", null, 0, "", "", "", 0))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("spawnerr");
    }
}
