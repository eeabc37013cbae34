package jsupervisor.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** readFile/tailFile offsets as REFERENCE §6.8 verified them on a 129-byte file. */
class LogFileReaderTest {
    @TempDir
    Path dir;
    Path file;
    String text;

    @BeforeEach
    void write() throws Exception {
        text = "x".repeat(100) + "0123456789abcdefghijklmnopqr\n"; // 129 bytes
        file = Files.writeString(dir.resolve("log"), text);
    }

    private XmlRpcValue tail(long offset, long length) {
        return LogFileReader.tail(file, offset, length);
    }

    @Test
    void tailMatchesTheVerifiedExamples() {
        assertThat(tail(0, 10)).isEqualTo(XmlRpcValue.array(XmlRpcValue.of(text.substring(119)),
                XmlRpcValue.of(129), XmlRpcValue.of(true)));
        assertThat(tail(200, 10)).isEqualTo(XmlRpcValue.array(XmlRpcValue.of(""), XmlRpcValue.of(129),
                XmlRpcValue.of(false)));
        assertThat(tail(100, 100)).isEqualTo(XmlRpcValue.array(XmlRpcValue.of(text.substring(29)),
                XmlRpcValue.of(129), XmlRpcValue.of(false)));
    }

    @Test
    void tailOfAMissingFileIsEmpty() {
        assertThat(LogFileReader.tail(dir.resolve("nope"), 5, 10)).isEqualTo(XmlRpcValue.array(
                XmlRpcValue.of(""), XmlRpcValue.of(5), XmlRpcValue.of(false)));
    }

    @Test
    void readOffsetsAndLengths() {
        assertThat(LogFileReader.read(file, 0, 0)).isEqualTo(text);
        assertThat(LogFileReader.read(file, 100, 5)).isEqualTo("01234");
        assertThat(LogFileReader.read(file, -3, 0)).isEqualTo("qr\n");
        assertThat(LogFileReader.read(file, -1000, 0)).isEqualTo(text);
        assertThat(LogFileReader.read(file, 500, 0)).isEmpty();
        assertThat(LogFileReader.read(file, 120, 100)).isEqualTo(text.substring(120));
    }

    @Test
    void badCombinationsAndMissingFiles() {
        assertThatThrownBy(() -> LogFileReader.read(file, -1, 1)).isInstanceOfSatisfying(RpcFault.class,
                f -> assertThat(f.fault()).isEqualTo(Fault.BAD_ARGUMENTS));
        assertThatThrownBy(() -> LogFileReader.read(file, 0, -1)).isInstanceOfSatisfying(RpcFault.class,
                f -> assertThat(f.text()).isEqualTo("BAD_ARGUMENTS"));
        assertThatThrownBy(() -> LogFileReader.read(dir.resolve("nope"), 0, 0)).isInstanceOfSatisfying(
                RpcFault.class, f -> assertThat(f.text()).isEqualTo("FAILED"));
    }

    @Test
    void aSplitCharacterIsAServerErrorNotAFault() throws Exception {
        Path utf = Files.writeString(dir.resolve("utf"), "aé");
        assertThat(LogFileReader.read(utf, 0, 0)).isEqualTo("aé");
        assertThatThrownBy(() -> LogFileReader.read(utf, 0, 2)).isInstanceOf(RpcServerError.class);
        assertThatThrownBy(() -> LogFileReader.tail(utf, 0, 1)).isInstanceOf(RpcServerError.class);
    }
}
