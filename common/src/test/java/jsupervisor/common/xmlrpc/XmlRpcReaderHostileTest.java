package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Input an attacker or a broken peer may send: each is refused with a parse exception that says why. */
class XmlRpcReaderHostileTest {
    private static final String XXE = "<?xml version='1.0'?>\n"
            + "<!DOCTYPE methodCall [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
            + "<methodCall><methodName>&xxe;</methodName></methodCall>";

    private final XmlRpcReader reader = new XmlRpcReader();

    @Test
    void externalEntityIsNeverResolved() throws Exception {
        Path hostname = Path.of("/etc/hostname");
        assumeTrue(Files.isReadable(hostname), "needs /etc/hostname to prove it is not read");
        String secret = Files.readString(hostname).strip();
        assumeTrue(!secret.isEmpty());
        // the control: the JDK's parser with default settings does read the file, so the payload is live
        assumeTrue(defaultJdkParserExpands(XXE).contains(secret), "payload no longer live on this JDK");

        assertThatThrownBy(() -> reader.readMethodCall(utf8(XXE)))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(describeFully(e)).doesNotContain(secret));
    }

    static Stream<Arguments> doctypes() {
        String laughs = "<?xml version='1.0'?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
                + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                + "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                + "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                + "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                + "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                + "]>\n<methodCall><methodName>&lol9;</methodName></methodCall>";
        String body = "<methodCall><methodName>a.b</methodName></methodCall>";
        return Stream.of(
                Arguments.of("external general entity", XXE),
                Arguments.of("billion laughs", laughs),
                Arguments.of("external parameter entity",
                        "<!DOCTYPE methodCall [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>" + body),
                Arguments.of("external DTD over http",
                        "<!DOCTYPE methodCall SYSTEM \"http://127.0.0.1:9/x.dtd\">" + body),
                Arguments.of("external DTD file", "<!DOCTYPE methodCall SYSTEM \"/etc/hostname\">" + body),
                Arguments.of("bare DOCTYPE", "<!DOCTYPE methodCall>" + body),
                Arguments.of("empty internal subset", "<!DOCTYPE methodCall []>" + body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("doctypes")
    void anyDoctypeIsRefused(String name, String document) {
        assertThatThrownBy(() -> reader.readMethodCall(utf8(document)))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void undeclaredEntityIsRefused() {
        assertThatThrownBy(() -> reader.readMethodCall(utf8("<methodCall><methodName>&foo;</methodName></methodCall>")))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining("foo");
    }

    @ParameterizedTest
    @ValueSource(ints = {XmlRpcReader.DEFAULT_MAX_DEPTH + 1, 10_000, 200_000})
    void nestingBeyondTheCapIsRefusedWithoutExhaustingTheStack(int depth) {
        String doc = "<methodCall><methodName>a.b</methodName><params><param>"
                + "<value><array><data>".repeat(depth) + "</data></array></value>".repeat(depth)
                + "</param></params></methodCall>";
        assertThatThrownBy(() -> reader.readMethodCall(utf8(doc)))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining("nested deeper than 100 levels");
    }

    @Test
    void aSmallerCapIsHonoured() {
        var shallow = new XmlRpcReader(2);
        var three = XmlRpcValue.array(XmlRpcValue.array(XmlRpcValue.array()));
        assertThatThrownBy(() -> shallow.readMethodResponse(XmlRpcWriter.methodResponse(three)))
                .hasMessageContaining("nested deeper than 2 levels");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("<foo>1</foo>", "unknown element <foo>"),
                Arguments.of("<i1>1</i1>", "unknown element <i1>"),
                Arguments.of("<bigdecimal>1</bigdecimal>", "unknown element <bigdecimal>"),
                Arguments.of("<int>2147483648</int>", "32-bit"),
                Arguments.of("<i4>-2147483649</i4>", "32-bit"),
                Arguments.of("<i8>9223372036854775808</i8>", "64-bit"),
                Arguments.of("<int>1.5</int>", "expected an integer"),
                Arguments.of("<int></int>", "expected an integer"),
                Arguments.of("<int>-</int>", "expected an integer"),
                Arguments.of("<int>0x10</int>", "expected an integer"),
                Arguments.of("<int>1_000</int>", "expected an integer"),
                Arguments.of("<int>\u0661</int>", "expected an integer"),
                Arguments.of("<boolean>true</boolean>", "expected 0 or 1"),
                Arguments.of("<boolean>2</boolean>", "expected 0 or 1"),
                Arguments.of("<boolean/>", "expected 0 or 1"),
                Arguments.of("<double>0x1p3</double>", "expected a decimal number"),
                Arguments.of("<double>1d</double>", "expected a decimal number"),
                Arguments.of("<double>1e</double>", "expected a decimal number"),
                Arguments.of("<double>.</double>", "expected a decimal number"),
                Arguments.of("<double></double>", "expected a decimal number"),
                Arguments.of("<dateTime.iso8601>2026-11-24T05:01:02</dateTime.iso8601>", "YYYYMMDDTHH:MM:SS"),
                Arguments.of("<dateTime.iso8601>20261324T00:00:00</dateTime.iso8601>", "no such date"),
                Arguments.of("<base64>!!!!</base64>", "malformed base64"),
                Arguments.of("<base64>YQ=x</base64>", "malformed base64"),
                Arguments.of("<base64>Y</base64>", "malformed base64"),
                Arguments.of("<base64>YWJj\u00e9</base64>", "malformed base64"),
                Arguments.of("<nil>x</nil>", "must be empty"),
                Arguments.of("<string><b>bold</b></string>", "unexpected <b> in <string>"),
                Arguments.of("text<int>1</int>", "text beside <int>"),
                Arguments.of("<int>1</int><int>2</int>", "unexpected <int> in <value>"),
                Arguments.of("<int>1</int>trailing", "unexpected text in <value>"),
                Arguments.of("<array><value>1</value></array>", "expected <data> in <array>"),
                Arguments.of("<array><data><int>1</int></data></array>", "expected <value> in <data>"),
                Arguments.of("<array><data/><data/></array>", "unexpected <data> in <array>"),
                Arguments.of("<struct><value>1</value></struct>", "expected <member> in <struct>"),
                Arguments.of("<struct><member><value>1</value><name>k</name></member></struct>",
                        "expected <name> in <member>"),
                Arguments.of("<struct><member><name>k</name></member></struct>", "expected <value> in <member>"),
                Arguments.of("<struct><member><name>k</name><value/><value/></member></struct>",
                        "unexpected <value> in <member>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badValues")
    void malformedValuesAreRefused(String valueContent, String why) {
        String doc = "<methodResponse><params><param><value>" + valueContent
                + "</value></param></params></methodResponse>";
        assertThatThrownBy(() -> reader.readMethodResponse(utf8(doc)))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining(why)
                .hasMessageContaining("line 1, column");
    }

    static Stream<Arguments> badCalls() {
        return Stream.of(
                Arguments.of("<methodResponse><params/></methodResponse>", "expected <methodCall> as the root"),
                Arguments.of("<html><body/></html>", "expected <methodCall> as the root"),
                Arguments.of("<methodCall><params/></methodCall>", "expected <methodName>"),
                Arguments.of("<methodCall></methodCall>", "expected <methodName>"),
                Arguments.of("<methodCall><methodName></methodName></methodCall>", "empty <methodName>"),
                Arguments.of("<methodCall><methodName>a<b/></methodName></methodCall>",
                        "unexpected <b> in <methodName>"),
                Arguments.of("<methodCall><methodName>a</methodName><foo/></methodCall>",
                        "unexpected <foo> in <methodCall>"),
                Arguments.of("<methodCall><methodName>a</methodName><params/><params/></methodCall>",
                        "unexpected <params> in <methodCall>"),
                Arguments.of("<methodCall><methodName>a</methodName>text</methodCall>", "unexpected text"),
                Arguments.of("<methodCall><methodName>a</methodName><params><value/></params></methodCall>",
                        "expected <param> in <params>"),
                Arguments.of("<methodCall><methodName>a</methodName><params><param/></params></methodCall>",
                        "expected <value> in <param>"),
                Arguments.of("<methodCall><methodName>a</methodName></methodCall><methodCall/>", "malformed XML"),
                Arguments.of("", "malformed XML"),
                Arguments.of("   ", "malformed XML"),
                Arguments.of("hello", "malformed XML"),
                Arguments.of("{\"jsonrpc\": \"2.0\"}", "malformed XML"),
                Arguments.of("<methodCall><methodName>a</methodName>", "malformed XML"),
                Arguments.of("<methodCall><methodName>a</methodName></methodcall>", "malformed XML"),
                Arguments.of("<methodCall><methodName>a\u0001</methodName></methodCall>", "malformed XML"),
                Arguments.of("<methodCall><methodName>&#1;</methodName></methodCall>", "malformed XML"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("badCalls")
    void malformedCallsAreRefused(String document, String why) {
        assertThatThrownBy(() -> reader.readMethodCall(utf8(document)))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining(why);
    }

    static Stream<Arguments> badResponses() {
        String value = "<value><int>1</int></value>";
        return Stream.of(
                Arguments.of("<methodCall><methodName>a</methodName></methodCall>",
                        "expected <methodResponse> as the root"),
                Arguments.of("<methodResponse/>", "expected <params> or <fault>"),
                Arguments.of("<methodResponse><params/></methodResponse>", "exactly one <param>, got 0"),
                Arguments.of("<methodResponse><params><param>" + value + "</param><param>" + value
                        + "</param></params></methodResponse>", "exactly one <param>, got 2"),
                Arguments.of("<methodResponse><params><param>" + value + "</param></params><fault>" + value
                        + "</fault></methodResponse>", "unexpected <fault> in <methodResponse>"),
                Arguments.of("<methodResponse><fault>" + value + "</fault></methodResponse>", "a <fault> must hold"),
                Arguments.of("<methodResponse><fault><value><struct><member><name>faultCode</name>" + value
                        + "</member></struct></value></fault></methodResponse>", "a <fault> must hold"),
                Arguments.of("<methodResponse><fault><value><struct><member><name>faultCode</name><value><i8>"
                        + "4294967296</i8></value></member><member><name>faultString</name><value>x</value></member>"
                        + "</struct></value></fault></methodResponse>", "a <fault> must hold"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badResponses")
    void malformedResponsesAreRefused(String document, String why) {
        assertThatThrownBy(() -> reader.readMethodResponse(utf8(document)))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining(why);
    }

    @Test
    void everyTruncationOfARealAnswerIsRefused() {
        byte[] full = Captured.bytes("response-getProcessInfo.xml");
        // the last byte is the trailing newline: dropping it still leaves a complete document
        for (int length = 0; length < full.length - 1; length++) {
            byte[] cut = java.util.Arrays.copyOf(full, length);
            assertThatThrownBy(() -> reader.readMethodResponse(cut))
                    .as("truncated at %d of %d bytes", length, full.length)
                    .isInstanceOf(XmlRpcParseException.class);
        }
    }

    @Test
    void randomBytesAreRefusedAsParseErrors() {
        Random random = new Random(42); // fixed seed: a failure reproduces
        for (int i = 0; i < 500; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            assertThatThrownBy(() -> reader.readMethodCall(garbage))
                    .as("garbage #%d", i)
                    .isInstanceOf(XmlRpcParseException.class);
        }
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] doc = utf8("<methodCall><methodName>ab</methodName></methodCall>");
        doc[25] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
        assertThatThrownBy(() -> reader.readMethodCall(doc))
                .isInstanceOf(XmlRpcParseException.class)
                .hasMessageContaining("malformed XML");
    }

    @Test
    void mutatedRealAnswersNeverEscapeAsAnythingButParseErrorsOrValues() {
        byte[] full = Captured.bytes("response-multicall.xml");
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            byte[] mutated = full.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(128);
            }
            try {
                reader.readMethodResponse(mutated);
            } catch (XmlRpcParseException | XmlRpcFault expected) {
                // both are answers the caller is prepared for
            }
        }
    }

    private static String defaultJdkParserExpands(String document) throws Exception {
        XMLStreamReader xml = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new StringReader(document));
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.CHARACTERS) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    private static String describeFully(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
