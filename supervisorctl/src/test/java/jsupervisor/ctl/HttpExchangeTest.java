package jsupervisor.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** How a streamed piece of a log (tail -f, fg) is printed: as {@code http_client.Listener.feed} prints it. */
class HttpExchangeTest {

    @Test
    void validUtf8IsPrintedAsText() {
        byte[] text = "caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
        assertThat(HttpExchange.decodePiece(text, text.length)).isEqualTo("caf\u00e9\n");
    }

    @Test
    void anythingElseIsTheReprOfTheBytes() {
        byte[] bad = {'a', (byte) 0xff, 'b', '\n', 'x'};
        assertThat(HttpExchange.decodePiece(bad, 4)).isEqualTo("Undecodable: b'a\\xffb\\n'");
    }
}
