package jsupervisor.daemon.logging;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnsiEscapesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "plain text\\n|plain text\\n",
        "\\e[31mred\\e[0m|red",
        "\\e[1;32;40mbold\\e[m tail|bold tail",
        "cursor\\e[2Jcleared\\e[Kx|cursorclearedx",
        "unterminated \\e[31;1 042|\"unterminated \"",
        "terminator inside a word \\e[31 eats more|terminator inside a word  more",
        "lone escape \\e stays|lone escape \\e stays",
        "\\e]0;title\\a not CSI|\\e]0;title\\a not CSI",
        "a\\e[\\e[31mb|ab",
        "\\e[|\"\"",
    })
    void stripsCsiSequencesLikeSupervisor(String input, String expected) {
        assertThat(strip(unescape(input))).isEqualTo(unescape(expected));
    }

    @Test
    void returnsTheSameArrayWhenThereIsNothingToStrip() {
        byte[] data = "no escapes\n".getBytes(ISO_8859_1);
        assertThat(AnsiEscapes.strip(data)).isSameAs(data);
    }

    @Test
    void stripsARangeOfALargerBuffer() {
        byte[] data = "xx\u001b[1mab\u001b[0mcyy".getBytes(ISO_8859_1);
        assertThat(new String(AnsiEscapes.strip(data, 2, data.length - 4), ISO_8859_1)).isEqualTo("abc");
    }

    @Test
    void agreesWithSupervisorsStripEscapesOnRandomInput() throws Exception {
        SupervisorPython.assumeAvailable();
        Random random = new Random(1234);
        byte[] alphabet = "ab \n\u001b\u001b[[[m;3HKz\u00ff".getBytes(ISO_8859_1);
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            byte[] input = new byte[random.nextInt(30)];
            for (int j = 0; j < input.length; j++) {
                input[j] = alphabet[random.nextInt(alphabet.length)];
            }
            inputs.add(input);
        }
        List<String> expected = SupervisorPython.run(dir, """
                import sys
                from supervisor.dispatchers import stripEscapes
                for line in sys.stdin:
                    print(stripEscapes(bytes.fromhex(line.strip())).hex())
                """, List.of(), inputs.stream().map(HexFormat.of()::formatHex).toList());
        List<String> actual = inputs.stream().map(in -> HexFormat.of().formatHex(AnsiEscapes.strip(in))).toList();
        assertThat(actual).isEqualTo(expected);
    }

    private static String strip(String input) {
        return new String(AnsiEscapes.strip(input.getBytes(ISO_8859_1)), ISO_8859_1);
    }

    private static String unescape(String s) {
        return s.replace("\\e", "\u001b").replace("\\a", "\u0007").replace("\\n", "\n");
    }
}
