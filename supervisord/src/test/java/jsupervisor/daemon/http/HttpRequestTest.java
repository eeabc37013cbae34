package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** URI decoding, pinned against what medusa's found_terminator makes of the same targets (run with Python). */
class HttpRequestTest {
    private static HttpRequest request(String target) throws Exception {
        // the request line travels as bytes: UTF-8 text arrives as ISO-8859-1 chars, as the reader sees it
        String line = new String(("GET " + target + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        byte[] bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        return new HttpRequest(RequestHead.parse(bytes, bytes.length), new byte[0], "test", null, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/a%20b?x=%41 | /a b?x=%41 | /a b",
        "/a%ZZ        | /a%ZZ      | /a%ZZ",
        "/%C3%A9      | /é         | /é",
        "/%FF         | /\uFFFD    | /\uFFFD",
        "/p%20b?      | /p b       | /p b",
        "/path?       | /path?     | /path",
        "/a?b?c%20    | /a?b?c%20  | /a",
        "/x%3Fy?q     | /x?y?q     | /x",
    })
    void uriIsDecodedLikeMedusa(String target, String uri, String path) throws Exception {
        HttpRequest request = request(target);
        assertThat(request.uri()).isEqualTo(uri);
        assertThat(request.path()).isEqualTo(path);
        assertThat(request.rawUri()).isEqualTo(target);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {"/x | NULL", "/x? | ''", "/x?a=1?b | b", "/x?a=1 | a=1"})
    void queryIsTheTextAfterTheLastQuestionMark(String target, String query) throws Exception {
        assertThat(request(target).query()).isEqualTo(query);
    }
}
