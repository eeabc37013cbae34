package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Byte-exact comparisons with what Python 3.11's {@code xmlrpc.client.dumps} printed for the same values. */
class XmlRpcWriterTest {

    private static final String HEAD = "<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n";
    private static final String TAIL = "</param>\n</params>\n</methodResponse>\n";

    static Stream<Arguments> pythonDumps() {
        byte[] hundred = new byte[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = (byte) i;
        }
        return Stream.of(
                Arguments.of(XmlRpcValue.of(0), "<value><int>0</int></value>\n"),
                Arguments.of(XmlRpcValue.of(-1), "<value><int>-1</int></value>\n"),
                Arguments.of(XmlRpcValue.of(Integer.MAX_VALUE), "<value><int>2147483647</int></value>\n"),
                Arguments.of(XmlRpcValue.of(Integer.MIN_VALUE), "<value><int>-2147483648</int></value>\n"),
                Arguments.of(XmlRpcValue.of(true), "<value><boolean>1</boolean></value>\n"),
                Arguments.of(XmlRpcValue.of(false), "<value><boolean>0</boolean></value>\n"),
                Arguments.of(XmlRpcValue.of("a&b<c>d\"e'f"),
                        "<value><string>a&amp;b&lt;c&gt;d\"e'f</string></value>\n"),
                Arguments.of(XmlRpcValue.of(""), "<value><string></string></value>\n"),
                Arguments.of(XmlRpcValue.of("caf\u00e9 \u2603 \uD83D\uDE00"),
                        "<value><string>caf\u00e9 \u2603 \uD83D\uDE00</string></value>\n"),
                Arguments.of(XmlRpcValue.of(1.0), "<value><double>1.0</double></value>\n"),
                Arguments.of(XmlRpcValue.of(0.1), "<value><double>0.1</double></value>\n"),
                Arguments.of(XmlRpcValue.of(-0.0), "<value><double>-0.0</double></value>\n"),
                Arguments.of(XmlRpcValue.of(1e16), "<value><double>1e+16</double></value>\n"),
                Arguments.of(XmlRpcValue.of(1e15), "<value><double>1000000000000000.0</double></value>\n"),
                Arguments.of(XmlRpcValue.of(1e-5), "<value><double>1e-05</double></value>\n"),
                Arguments.of(XmlRpcValue.of(0.0001), "<value><double>0.0001</double></value>\n"),
                Arguments.of(XmlRpcValue.of(Double.MIN_VALUE), "<value><double>5e-324</double></value>\n"),
                Arguments.of(XmlRpcValue.of(Double.POSITIVE_INFINITY), "<value><double>inf</double></value>\n"),
                Arguments.of(XmlRpcValue.of(Double.NaN), "<value><double>nan</double></value>\n"),
                Arguments.of(XmlRpcValue.of(Double.MAX_VALUE),
                        "<value><double>1.7976931348623157e+308</double></value>\n"),
                Arguments.of(XmlRpcValue.of(123456789.123), "<value><double>123456789.123</double></value>\n"),
                Arguments.of(XmlRpcValue.array(), "<value><array><data>\n</data></array></value>\n"),
                Arguments.of(XmlRpcValue.array(XmlRpcValue.of(1), XmlRpcValue.array(XmlRpcValue.of(2))),
                        "<value><array><data>\n<value><int>1</int></value>\n<value><array><data>\n"
                                + "<value><int>2</int></value>\n</data></array></value>\n</data></array></value>\n"),
                Arguments.of(XmlRpcValue.Struct.builder().build(), "<value><struct>\n</struct></value>\n"),
                Arguments.of(XmlRpcValue.Struct.builder().put("b", 1).put("a", "x").build(),
                        "<value><struct>\n<member>\n<name>b</name>\n<value><int>1</int></value>\n</member>\n"
                                + "<member>\n<name>a</name>\n<value><string>x</string></value>\n</member>\n"
                                + "</struct></value>\n"),
                Arguments.of(XmlRpcValue.of(new byte[0]), "<value><base64>\n</base64></value>\n"),
                Arguments.of(XmlRpcValue.of("abc".getBytes(StandardCharsets.US_ASCII)),
                        "<value><base64>\nYWJj\n</base64></value>\n"),
                Arguments.of(XmlRpcValue.of(hundred),
                        "<value><base64>\n"
                                + "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4\n"
                                + "OTo7PD0+P0BBQkNERUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiYw==\n</base64></value>\n"),
                Arguments.of(XmlRpcValue.of(LocalDateTime.of(2026, 1, 2, 3, 4, 5)),
                        "<value><dateTime.iso8601>20260102T03:04:05</dateTime.iso8601></value>\n"),
                Arguments.of(XmlRpcValue.of(LocalDateTime.of(1, 1, 1, 0, 0, 0)),
                        "<value><dateTime.iso8601>00010101T00:00:00</dateTime.iso8601></value>\n"),
                Arguments.of(XmlRpcValue.Nil.INSTANCE, "<value><nil/></value>"));
    }

    @ParameterizedTest
    @MethodSource("pythonDumps")
    void methodResponseMatchesPythonDumpsByteForByte(XmlRpcValue value, String pythonValueXml) {
        assertThat(text(XmlRpcWriter.methodResponse(value))).isEqualTo(HEAD + pythonValueXml + TAIL);
    }

    /**
     * The writer tells the value types apart with instanceof, not an exhaustive switch (see its appendValue), so the
     * compiler would not notice a new one: this does, by requiring a Python-checked sample of every permitted type.
     */
    @Test
    void pythonDumpsCoverEveryKindOfValue() {
        Set<Class<?>> sampled = pythonDumps().map(a -> a.get()[0].getClass()).collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrder(XmlRpcValue.class.getPermittedSubclasses());
    }

    @Test
    void faultMatchesPythonDumpsOfFault() {
        assertThat(text(XmlRpcWriter.fault(10, "BAD_NAME: foo"))).isEqualTo(
                "<?xml version='1.0'?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n"
                        + "<value><int>10</int></value>\n</member>\n<member>\n<name>faultString</name>\n"
                        + "<value><string>BAD_NAME: foo</string></value>\n</member>\n</struct></value>\n</fault>\n"
                        + "</methodResponse>\n");
    }

    @Test
    void methodCallMatchesPythonDumpsWithMethodName() {
        assertThat(text(XmlRpcWriter.methodCall("sup.m", List.of(XmlRpcValue.of(1), XmlRpcValue.of("a")))))
                .isEqualTo("<?xml version='1.0'?>\n<methodCall>\n<methodName>sup.m</methodName>\n<params>\n<param>\n"
                        + "<value><int>1</int></value>\n</param>\n<param>\n<value><string>a</string></value>\n"
                        + "</param>\n</params>\n</methodCall>\n");
        assertThat(text(XmlRpcWriter.methodCall(new XmlRpcCall("sup.m"))))
                .isEqualTo("<?xml version='1.0'?>\n<methodCall>\n<methodName>sup.m</methodName>\n<params>\n"
                        + "</params>\n</methodCall>\n");
    }

    @Test
    void integersBeyondThirtyTwoBitsAreWrittenAsI8() {
        assertThat(valueXml(XmlRpcValue.of(2147483648L))).isEqualTo("<value><i8>2147483648</i8></value>\n");
        assertThat(valueXml(XmlRpcValue.of(Long.MIN_VALUE)))
                .isEqualTo("<value><i8>-9223372036854775808</i8></value>\n");
    }

    static Stream<Arguments> forbiddenCharacters() {
        return Stream.concat(
                IntStream.range(0, 0x20).filter(c -> c != '\t' && c != '\n' && c != '\r')
                        .mapToObj(c -> Arguments.of("a" + (char) c + "b", "a\uFFFDb")),
                Stream.of(
                        Arguments.of("a\uFFFEb\uFFFF", "a\uFFFDb\uFFFD"),
                        Arguments.of("lone high \uD800 end", "lone high \uFFFD end"),
                        Arguments.of("lone low \uDC00", "lone low \uFFFD"),
                        Arguments.of("reversed \uDE00\uD83D", "reversed \uFFFD\uFFFD"),
                        Arguments.of("\uD800", "\uFFFD")));
    }

    @ParameterizedTest
    @MethodSource("forbiddenCharacters")
    void charactersXmlCannotCarryBecomeTheReplacementCharacter(String input, String expected) {
        assertThat(valueXml(XmlRpcValue.of(input))).isEqualTo("<value><string>" + expected + "</string></value>\n");
    }

    @Test
    void tabNewlineCarriageReturnAndOtherControlsXmlAllowsStayRaw() {
        String allowed = "t\tn\nr\rdel\u007fc1\u0085bmp\uFFFDsmp\uD83D\uDE00";
        assertThat(valueXml(XmlRpcValue.of(allowed))).isEqualTo("<value><string>" + allowed + "</string></value>\n");
    }

    @Test
    void structMemberNamesAndMethodNamesAreEscapedToo() {
        var struct = XmlRpcValue.Struct.builder().put("a<b&\u0001", 1).build();
        assertThat(valueXml(struct)).contains("<name>a&lt;b&amp;\uFFFD</name>");
        assertThat(text(XmlRpcWriter.methodCall("x<y", List.of()))).contains("<methodName>x&lt;y</methodName>");
    }

    @Test
    void nonAsciiIsRawUtf8WithoutAnEncodingDeclaration() {
        byte[] doc = XmlRpcWriter.methodResponse(XmlRpcValue.of("\u00e9"));
        assertThat(text(doc)).startsWith("<?xml version='1.0'?>\n");
        assertThat(doc).containsSequence((byte) 0xC3, (byte) 0xA9);
    }

    private static String valueXml(XmlRpcValue value) {
        StringBuilder out = new StringBuilder();
        XmlRpcWriter.appendValue(out, value);
        return out.toString();
    }

    private static String text(byte[] document) {
        return new String(document, StandardCharsets.UTF_8);
    }
}
