package jsupervisor.common.ini;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected texts are the reference supervisorctl's own, for the same bytes in a config file. */
class Utf8DecodeErrorTest {
    private static final byte[] HEAD =
            "[supervisorctl]\nserverurl=unix:///tmp/u8/none.sock\n".getBytes(StandardCharsets.US_ASCII);

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof byte[] b) {
                out.writeBytes(b);
            } else if (p instanceof Integer i) {
                out.write(i);
            } else {
                out.writeBytes(((String) p).getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** A comment line of {@code n} bytes, newline included. */
    private static String pad(int n) {
        return ";" + "x".repeat(n - 2) + "\n";
    }

    @Test
    void validTextHasNoError() {
        assertThat(Utf8DecodeError.of(bytes(HEAD, "prompt=", 0xe4, 0xb8, 0xad, "\n"))).isNull();
    }

    @Test
    void errorsInTheFirstPiece() {
        assertThat(Utf8DecodeError.of(bytes(0xff, HEAD)))
                .isEqualTo("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        assertThat(Utf8DecodeError.of(bytes(HEAD, "prompt=", 0xe4, 0x41, "\n")))
                .isEqualTo("'utf-8' codec can't decode byte 0xe4 in position 58: invalid continuation byte");
        assertThat(Utf8DecodeError.of(bytes(HEAD, "prompt=", 0xe0, 0x80, "\n")))
                .isEqualTo("'utf-8' codec can't decode byte 0xe0 in position 58: invalid continuation byte");
        assertThat(Utf8DecodeError.of(bytes(HEAD, "prompt=", 0xf0, 0x9f, 0x98, "x\n")))
                .isEqualTo("'utf-8' codec can't decode bytes in position 58-60: invalid continuation byte");
        assertThat(Utf8DecodeError.of(bytes(HEAD, "prompt=", 0xc0, 0xaf, "\n")))
                .isEqualTo("'utf-8' codec can't decode byte 0xc0 in position 58: invalid start byte");
        assertThat(Utf8DecodeError.of(bytes(HEAD, "prompt=", 0xe4, 0xb8)))
                .isEqualTo("'utf-8' codec can't decode bytes in position 0-1: unexpected end of data");
    }

    @Test
    void positionsCountFromThePieceOf8192BytesAndItsCarry() {
        assertThat(Utf8DecodeError.of(bytes(pad(8191), 0xe4, 0xb8, 0x41, "\n", HEAD)))
                .isEqualTo("'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte");
        assertThat(Utf8DecodeError.of(bytes(pad(8190), 0xe4, 0xb8, 0xad, 0xff, "\n", HEAD)))
                .isEqualTo("'utf-8' codec can't decode byte 0xff in position 3: invalid start byte");
        assertThat(Utf8DecodeError.of(bytes(pad(10000), 0xff, "\n", HEAD)))
                .isEqualTo("'utf-8' codec can't decode byte 0xff in position 1808: invalid start byte");
        assertThat(Utf8DecodeError.of(bytes(pad(8192), 0xff, "\n", HEAD)))
                .isEqualTo("'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
        assertThat(Utf8DecodeError.of(bytes(pad(8191), 0xf0, 0x9f, 0x98, 0x80, 0xff, "\n", HEAD)))
                .isEqualTo("'utf-8' codec can't decode byte 0xff in position 4: invalid start byte");
        assertThat(Utf8DecodeError.of(bytes(pad(16383), 0xe4, 0xff, "\n", HEAD)))
                .isEqualTo("'utf-8' codec can't decode byte 0xe4 in position 0: invalid continuation byte");
    }
}
