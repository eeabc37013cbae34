package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.common.ini.PythonRepr;

class PythonReprTest {

    @TempDir
    Path dir;

    @Test
    void reprOfStrings() {
        assertThat(PythonRepr.of("cat")).isEqualTo("'cat'");
        assertThat(PythonRepr.of("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.of("both ' and \"")).isEqualTo("'both \\' and \"'");
        assertThat(PythonRepr.of("tab\tnl\n\u0001\u007f\\")).isEqualTo("'tab\\tnl\\n\\x01\\x7f\\\\'");
        assertThat(PythonRepr.of("caf\u00e9 \u00a0")).isEqualTo("'caf\u00e9 \\xa0'");
    }

    @Test
    void reprOfBytes() {
        assertThat(PythonRepr.bytes("READY\n".getBytes(ISO_8859_1))).isEqualTo("b'READY\\n'");
        assertThat(PythonRepr.bytes(new byte[] {(byte) 0xff, 0, '\''})).isEqualTo("b\"\\xff\\x00'\"");
    }

    @Test
    void agreesWithPython() throws Exception {
        SupervisorPython.assumeAvailable();
        List<String> samples = List.of("plain", "it's", "say \"hi\"", "both ' \"", "ctl \u0000\u001f\u007f\u0080",
                "\u00e9\u4e2d\u200b\u2028\ud83d\ude00 \u3000", "back\\slash\r\n\t", "\u00ad\u0378");
        List<String> hex = samples.stream().map(s -> HexFormat.of().formatHex(s.getBytes(UTF_8))).toList();
        List<String> expected = SupervisorPython.run(dir, """
                import sys
                for line in sys.stdin:
                    b = bytes.fromhex(line.strip())
                    print(repr(b.decode('utf-8')).encode('utf-8').hex())
                    print(repr(b).encode('utf-8').hex())
                """, List.of(), hex);
        for (int i = 0; i < samples.size(); i++) {
            String str = new String(HexFormat.of().parseHex(expected.get(2 * i)), UTF_8);
            String bytes = new String(HexFormat.of().parseHex(expected.get(2 * i + 1)), UTF_8);
            assertThat(PythonRepr.of(samples.get(i))).isEqualTo(str);
            assertThat(PythonRepr.bytes(samples.get(i).getBytes(UTF_8))).isEqualTo(bytes);
        }
    }
}
