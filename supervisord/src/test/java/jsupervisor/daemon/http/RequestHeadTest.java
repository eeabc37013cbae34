package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Request-line and header parsing, including medusa's leniencies (leading blank lines, folded headers). */
class RequestHeadTest {
    private static RequestHead parse(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return RequestHead.parse(bytes, bytes.length);
    }

    @Test
    void parsesRequestLineAndHeaders() throws Exception {
        RequestHead head = parse("\r\nPOST /RPC2 HTTP/1.1\r\nHost: localhost\r\ncontent-length:  12 \r\n");
        assertThat(head.method()).isEqualTo("POST");
        assertThat(head.target()).isEqualTo("/RPC2");
        assertThat(head.version()).isEqualTo("1.1");
        assertThat(head.header("Content-Length")).isEqualTo("12");
        assertThat(HttpConnection.contentLength(head)).isEqualTo(12);
    }

    @Test
    void foldedHeaderContinuesThePreviousValue() throws Exception {
        assertThat(parse("GET / HTTP/1.0\r\nX-A: one\r\n  two\r\n").header("x-a")).isEqualTo("one two");
    }

    @Test
    void connectionTokensAreMatchedCaseInsensitively() throws Exception {
        RequestHead head = parse("GET / HTTP/1.0\r\nConnection: TE, Keep-Alive\r\n");
        assertThat(head.headerHasToken("Connection", "keep-alive")).isTrue();
        assertThat(head.headerHasToken("Connection", "close")).isFalse();
    }

    @Test
    void malformedHeadsAreRejected() {
        for (String bad : new String[] {"", "GET /\r\n", "GET / HTTP/1.1 extra\r\n", "GET  / HTTP/1.1\r\n",
                "GET / FTP/1.0\r\n", "GET / HTTP/1.1\r\nno colon\r\n", "GET / HTTP/1.1\r\n cont\r\n",
                "GET / HTTP/1.1\r\n: empty name\r\n"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(RequestHead.MalformedException.class);
        }
    }

    @Test
    void unusableContentLengthsAreFlagged() throws Exception {
        assertThat(HttpConnection.contentLength(parse("GET / HTTP/1.1\r\n"))).isEqualTo(-1);
        for (String bad : new String[] {"-1", "1e3", "", "0x10", "99999999999999999999"}) {
            assertThat(HttpConnection.contentLength(parse("POST / HTTP/1.1\r\nContent-Length: " + bad + "\r\n")))
                    .as(bad).isEqualTo(-2);
        }
        assertThat(HttpConnection.contentLength(parse("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n")))
                .isEqualTo(-2);
    }

    @Test
    void errorPageIsMedusasByteForByte() {
        assertThat(new String(HttpStatus.errorPage(404), StandardCharsets.US_ASCII)).isEqualTo("<head>\r\n<title>"
                + "Error response</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n<p>Error code 404.\r\n"
                + "<p>Message: Not Found.\r\n</body>\r\n");
        assertThat(HttpStatus.errorPage(404)).hasSize(134);
    }
}
