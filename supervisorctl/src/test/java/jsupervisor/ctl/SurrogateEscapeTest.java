package jsupervisor.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SurrogateEscapeTest {
    private static final byte[] TYPED = {'f', 'o', 'o', (byte) 0xff, (byte) 0xe4, (byte) 0xb8, (byte) 0xad, 'b', 'a',
        'r', (byte) 0xe4};

    @Test
    void validTextIsDecodedAsUtf8() {
        byte[] b = "caf\u00e9 \u4e2d".getBytes(StandardCharsets.UTF_8);
        assertThat(SurrogateEscape.decode(b, b.length)).isEqualTo("caf\u00e9 \u4e2d");
    }

    @Test
    void undecodableBytesBecomeLoneSurrogatesAndGoBackOutAsTheSameBytes() {
        String s = SurrogateEscape.decode(TYPED, TYPED.length);
        assertThat(s).isEqualTo("foo\udcff\u4e2dbar\udce4");
        assertThat(SurrogateEscape.encode("x: " + s)).isEqualTo(concat("x: ", TYPED));
    }

    /** What the reference prints for the same typed line (recorded from /usr/bin/supervisorctl, stdin a pipe). */
    @Test
    void theShellEchoesAnUnknownLineByteForByte() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Output output = new Output(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        byte[] line = concat("", TYPED, new byte[] {'\n'});
        String read = new StdinInput(new ByteArrayInputStream(line), output).readLine("");
        output.line("*** Unknown syntax: " + read);
        assertThat(out.toByteArray()).isEqualTo(concat("*** Unknown syntax: ", TYPED, new byte[] {'\n'}));
    }

    private static byte[] concat(String head, byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }
}
