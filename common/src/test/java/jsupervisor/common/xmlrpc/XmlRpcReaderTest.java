package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Well-formed input: round trips, payloads captured from Python and supervisord, and the lenient forms. */
class XmlRpcReaderTest {
    private final XmlRpcReader reader = new XmlRpcReader();

    static Stream<XmlRpcValue> everyType() {
        return Stream.of(
                XmlRpcValue.of(0), XmlRpcValue.of(-7), XmlRpcValue.of(Integer.MAX_VALUE),
                XmlRpcValue.of(Integer.MIN_VALUE), XmlRpcValue.of(Long.MAX_VALUE), XmlRpcValue.of(Long.MIN_VALUE),
                XmlRpcValue.of(true), XmlRpcValue.of(false),
                XmlRpcValue.of(""), XmlRpcValue.of("  padded\twith\nspace  "), XmlRpcValue.of("a&b<c>]]>\"'"),
                XmlRpcValue.of("caf\u00e9 \uD83D\uDE00"),
                XmlRpcValue.of(0.0), XmlRpcValue.of(-0.0), XmlRpcValue.of(0.1), XmlRpcValue.of(1e300),
                XmlRpcValue.of(Double.MIN_VALUE), XmlRpcValue.of(Double.NaN), XmlRpcValue.of(Double.NEGATIVE_INFINITY),
                XmlRpcValue.of(LocalDateTime.of(2026, 11, 24, 5, 1, 2)),
                XmlRpcValue.of(new byte[0]), XmlRpcValue.of(new byte[] {0, 1, (byte) 0xff}),
                XmlRpcValue.of(new byte[1000]),
                XmlRpcValue.array(), XmlRpcValue.array(XmlRpcValue.of(1), XmlRpcValue.of("x"), XmlRpcValue.array()),
                XmlRpcValue.Struct.builder().build(),
                XmlRpcValue.Struct.builder().put("z", 1).put("a", XmlRpcValue.array(XmlRpcValue.Nil.INSTANCE))
                        .put("", "empty name").put("m", XmlRpcValue.Struct.builder().put("k", true).build()).build(),
                XmlRpcValue.Nil.INSTANCE);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyTypeSurvivesAResponseRoundTrip(XmlRpcValue value) throws Exception {
        assertThat(reader.readMethodResponse(XmlRpcWriter.methodResponse(value))).isEqualTo(value);
    }

    @ParameterizedTest
    @MethodSource("everyType")
    void everyTypeSurvivesACallRoundTrip(XmlRpcValue value) throws Exception {
        var call = new XmlRpcCall("test.echo", value, XmlRpcValue.of("after"));
        assertThat(reader.readMethodCall(XmlRpcWriter.methodCall(call))).isEqualTo(call);
    }

    /** Supervisor logs "no method name" for a call without one, "unmarshallable" for XML it cannot read. */
    @Test
    void aMissingOrEmptyMethodNameIsToldApartFromMalformedXml() {
        for (String noName : List.of("<methodCall><params/></methodCall>", "<methodCall></methodCall>",
                "<methodCall><methodName></methodName></methodCall>")) {
            assertThatThrownBy(() -> reader.readMethodCall(utf8(noName))).as(noName)
                    .isInstanceOfSatisfying(XmlRpcParseException.class, e -> assertThat(e.noMethodName()).isTrue());
        }
        for (String malformed : List.of("<methodCall>", "<methodCall><methodName>a</methodNam></methodCall>",
                "<methodCall><param")) {
            assertThatThrownBy(() -> reader.readMethodCall(utf8(malformed))).as(malformed)
                    .isInstanceOfSatisfying(XmlRpcParseException.class, e -> assertThat(e.noMethodName()).isFalse());
        }
    }

    @Test
    void structKeepsWireOrder() throws Exception {
        var struct = reader.readMethodResponse(Captured.bytes("response-getProcessInfo.xml")).asStruct();
        assertThat(struct.members().sequencedKeySet()).containsExactly("name", "group", "start", "stop", "now",
                "state", "statename", "spawnerr", "exitstatus", "logfile", "stdout_logfile", "stderr_logfile", "pid",
                "description");
    }

    @Test
    void pythonMethodCallWithEveryParamTypeReads() throws Exception {
        XmlRpcCall call = reader.readMethodCall(Captured.bytes("call-mixed-params.xml"));
        assertThat(call.methodName()).isEqualTo("test.echo");
        byte[] blob = new byte[100];
        for (int i = 0; i < 10; i++) {
            System.arraycopy(new byte[] {0, 1, 'b', 'i', 'n', 'a', 'r', 'y', (byte) 0xff}, 0, blob, i * 9, 9);
        }
        assertThat(call.params()).containsExactly(
                XmlRpcValue.of(7), XmlRpcValue.of(Integer.MIN_VALUE), XmlRpcValue.of(Integer.MAX_VALUE),
                XmlRpcValue.of(3.5), XmlRpcValue.of(1e16), XmlRpcValue.of(false),
                XmlRpcValue.of("caf\u00e9 & <tags> \"q\""), XmlRpcValue.of(""),
                XmlRpcValue.array(XmlRpcValue.of(1), XmlRpcValue.of("two"), XmlRpcValue.array(XmlRpcValue.of(3.0))),
                XmlRpcValue.Struct.builder().put("b", 1)
                        .put("a", XmlRpcValue.Struct.builder().put("nested", XmlRpcValue.array(XmlRpcValue.of(true)))
                                .build()).build(),
                XmlRpcValue.of(java.util.Arrays.copyOf(blob, 90)),
                XmlRpcValue.of(LocalDateTime.of(2026, 11, 24, 5, 1, 2)));
    }

    @Test
    void pythonCallsAsSupervisorctlSendsThemRead() throws Exception {
        assertThat(reader.readMethodCall(Captured.bytes("call-getState.xml")))
                .isEqualTo(new XmlRpcCall("supervisor.getState"));
        assertThat(reader.readMethodCall(Captured.bytes("call-startProcess.xml")))
                .isEqualTo(new XmlRpcCall("supervisor.startProcess", XmlRpcValue.of("other"), XmlRpcValue.of(true)));
        assertThat(reader.readMethodCall(Captured.bytes("call-readProcessStdoutLog.xml")))
                .isEqualTo(new XmlRpcCall("supervisor.readProcessStdoutLog", XmlRpcValue.of("web:sleeper"),
                        XmlRpcValue.of(-100), XmlRpcValue.of(0)));
        XmlRpcCall multicall = reader.readMethodCall(Captured.bytes("call-multicall.xml"));
        assertThat(multicall.methodName()).isEqualTo("system.multicall");
        List<XmlRpcValue> calls = multicall.params().getFirst().asList();
        assertThat(calls).hasSize(3);
        assertThat(calls.get(1).asStruct().getString("methodName")).isEqualTo("supervisor.getProcessInfo");
        assertThat(calls.get(1).asStruct().get("params").asList()).containsExactly(XmlRpcValue.of("web:sleeper"));
    }

    @Test
    void supervisordMulticallAnswerMixesResultsAndFaults() throws Exception {
        List<XmlRpcValue> results = reader.readMethodResponse(Captured.bytes("response-multicall.xml")).asList();
        assertThat(results).hasSize(3);
        assertThat(results.get(0).asStruct().getString("statename")).isEqualTo("RUNNING");
        assertThat(XmlRpcFault.isFaultStruct(results.get(1))).isFalse();
        assertThat(XmlRpcFault.isFaultStruct(results.get(2))).isTrue();
        assertThat(XmlRpcFault.fromStruct(results.get(2).asStruct()))
                .isEqualTo(new XmlRpcFault(10, "BAD_NAME: nosuch"));
    }

    @Test
    void supervisordFaultAnswerIsThrownAsXmlRpcFault() {
        assertThatThrownBy(() -> reader.readMethodResponse(Captured.bytes("response-fault-BAD_NAME.xml")))
                .isEqualTo(new XmlRpcFault(10, "BAD_NAME: nosuch"));
        assertThatThrownBy(() -> reader.readMethodResponse(Captured.bytes("response-fault-UNKNOWN_METHOD.xml")))
                .isEqualTo(new XmlRpcFault(1, "UNKNOWN_METHOD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-getState.xml", "response-getProcessInfo.xml", "response-getAllProcessInfo.xml",
            "response-multicall.xml", "response-listMethods.xml"})
    void supervisordAnswersAreRewrittenByteForByte(String name) throws Exception {
        byte[] captured = Captured.bytes(name);
        assertThat(XmlRpcWriter.methodResponse(reader.readMethodResponse(captured))).isEqualTo(captured);
    }

    @ParameterizedTest
    @ValueSource(strings = {"response-fault-BAD_NAME.xml", "response-fault-UNKNOWN_METHOD.xml"})
    void supervisordFaultsAreRewrittenByteForByte(String name) {
        byte[] captured = Captured.bytes(name);
        assertThatThrownBy(() -> reader.readMethodResponse(captured))
                .isInstanceOfSatisfying(XmlRpcFault.class, f -> assertThat(XmlRpcWriter.fault(f)).isEqualTo(captured));
    }

    @ParameterizedTest
    @ValueSource(strings = {"call-getState.xml", "call-getProcessInfo.xml", "call-startProcess.xml",
            "call-readProcessStdoutLog.xml", "call-mixed-params.xml", "call-multicall.xml"})
    void pythonCallsAreRewrittenByteForByte(String name) throws Exception {
        byte[] captured = Captured.bytes(name);
        assertThat(XmlRpcWriter.methodCall(reader.readMethodCall(captured))).isEqualTo(captured);
    }

    static Stream<Arguments> lenientValues() {
        return Stream.of(
                Arguments.of("<value>untyped</value>", XmlRpcValue.of("untyped")),
                Arguments.of("<value> spaced untyped </value>", XmlRpcValue.of(" spaced untyped ")),
                Arguments.of("<value></value>", XmlRpcValue.of("")),
                Arguments.of("<value/>", XmlRpcValue.of("")),
                Arguments.of("<value><string/></value>", XmlRpcValue.of("")),
                Arguments.of("<value>a &amp; b &lt; &#x41;&#66;</value>", XmlRpcValue.of("a & b < AB")),
                Arguments.of("<value><string><![CDATA[<raw> & ]]>tail</string></value>",
                        XmlRpcValue.of("<raw> & tail")),
                Arguments.of("<value><string>a<!-- comment -->b</string></value>", XmlRpcValue.of("ab")),
                Arguments.of("<value>\n  <int>5</int>\n</value>", XmlRpcValue.of(5)),
                Arguments.of("<value><i4>-5</i4></value>", XmlRpcValue.of(-5)),
                Arguments.of("<value><int> +42 </int></value>", XmlRpcValue.of(42)),
                Arguments.of("<value><i8>9223372036854775807</i8></value>", XmlRpcValue.of(Long.MAX_VALUE)),
                Arguments.of("<value><boolean> 1 </boolean></value>", XmlRpcValue.of(true)),
                Arguments.of("<value><double>1e+16</double></value>", XmlRpcValue.of(1e16)),
                Arguments.of("<value><double>-.5E-3</double></value>", XmlRpcValue.of(-0.0005)),
                Arguments.of("<value><double>7</double></value>", XmlRpcValue.of(7.0)),
                Arguments.of("<value><double>-Infinity</double></value>", XmlRpcValue.of(Double.NEGATIVE_INFINITY)),
                Arguments.of("<value><double>nan</double></value>", XmlRpcValue.of(Double.NaN)),
                Arguments.of("<value><base64>YW\nJj</base64></value>", XmlRpcValue.of(new byte[] {'a', 'b', 'c'})),
                Arguments.of("<value><base64/></value>", XmlRpcValue.of(new byte[0])),
                Arguments.of("<value><dateTime.iso8601> 20000229T23:59:59 </dateTime.iso8601></value>",
                        XmlRpcValue.of(LocalDateTime.of(2000, 2, 29, 23, 59, 59))),
                Arguments.of("<value><array><data/></array></value>", XmlRpcValue.array()),
                Arguments.of("<value><array>\n<data>\n<value>x</value>\n</data>\n</array></value>",
                        XmlRpcValue.array(XmlRpcValue.of("x"))),
                Arguments.of("<value><struct><member><name>k</name><value>1</value></member>"
                        + "<member><name>k</name><value><int>2</int></value></member></struct></value>",
                        XmlRpcValue.Struct.builder().put("k", 2).build()),
                Arguments.of("<value><struct><member><name/><value/></member></struct></value>",
                        XmlRpcValue.Struct.builder().put("", "").build()),
                Arguments.of("<value><nil/></value>", XmlRpcValue.Nil.INSTANCE),
                Arguments.of("<value><ex:nil xmlns:ex='http://ws.apache.org/xmlrpc/namespaces/extensions'/></value>",
                        XmlRpcValue.Nil.INSTANCE));
    }

    @ParameterizedTest
    @MethodSource("lenientValues")
    void acceptsWhatPythonsUnmarshallerAccepts(String valueXml, XmlRpcValue expected) throws Exception {
        String doc = "<methodResponse><params><param>" + valueXml + "</param></params></methodResponse>";
        assertThat(reader.readMethodResponse(utf8(doc))).isEqualTo(expected);
    }

    static Stream<Arguments> requestScalars() {
        return Stream.of(
                Arguments.of("<int>3000000000</int>", XmlRpcValue.of(3_000_000_000L)),
                Arguments.of("<i4>-3000000000</i4>", XmlRpcValue.of(-3_000_000_000L)),
                Arguments.of("<int>5</int>", XmlRpcValue.of(5)),
                Arguments.of("<boolean>1</boolean>", XmlRpcValue.of(true)),
                Arguments.of("<boolean>0</boolean>", XmlRpcValue.of(false)),
                Arguments.of("<boolean>true</boolean>", XmlRpcValue.of(false)),
                Arguments.of("<boolean>True</boolean>", XmlRpcValue.of(false)),
                Arguments.of("<boolean> 1 </boolean>", XmlRpcValue.of(false)),
                Arguments.of("<boolean/>", XmlRpcValue.of(false)));
    }

    /**
     * A request is read as Supervisor's server reads it ({@code supervisor/xmlrpc.py}): {@code int(text)} of any
     * size for {@code <int>}, and {@code text == "1"} for a boolean. Answers stay as strict as xmlrpc.client.
     */
    @ParameterizedTest
    @MethodSource("requestScalars")
    void requestScalarsAreReadAsSupervisorReadsThem(String typed, XmlRpcValue expected) throws Exception {
        String call = "<methodCall><methodName>m</methodName><params><param><value>" + typed
                + "</value></param></params></methodCall>";
        assertThat(reader.readMethodCall(utf8(call)).params()).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<int>3000000000</int>", "<boolean>true</boolean>"})
    void answerScalarsStayStrict(String typed) {
        String response = "<methodResponse><params><param><value>" + typed + "</value></param></params>"
                + "</methodResponse>";
        assertThatThrownBy(() -> reader.readMethodResponse(utf8(response))).isInstanceOf(XmlRpcParseException.class);
    }

    @Test
    void methodCallWithoutParamsHasNoParams() throws Exception {
        assertThat(reader.readMethodCall(utf8("<?xml version='1.0'?><methodCall><methodName>a.b</methodName>"
                + "</methodCall>"))).isEqualTo(new XmlRpcCall("a.b"));
    }

    @Test
    void methodNameIsKeptExactlyAsSent() throws Exception {
        assertThat(reader.readMethodCall(utf8("<methodCall><methodName> a.b </methodName></methodCall>")).methodName())
                .isEqualTo(" a.b ");
    }

    @Test
    void documentsAreUtf8WhateverTheyDeclareAsSupervisorDecodesThem() throws Exception {
        byte[] declared = "<?xml version='1.0' encoding='ISO-8859-1'?><methodCall><methodName>caf\u00e9</methodName>"
                .concat("</methodCall>").getBytes(StandardCharsets.UTF_8);
        assertThat(reader.readMethodCall(declared).methodName()).isEqualTo("caf\u00e9");
        byte[] latin1 = "<methodCall><methodName>caf\u00e9</methodName></methodCall>"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> reader.readMethodCall(latin1)).hasMessageContaining("not UTF-8");
        byte[] bom = "\uFEFF<methodCall><methodName>\u00e9</methodName></methodCall>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(reader.readMethodCall(bom).methodName()).isEqualTo("\u00e9");
    }

    @Test
    void readsFromAStreamWithoutClosingIt() throws Exception {
        var in = new ByteArrayInputStream(Captured.bytes("call-getState.xml")) {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        };
        assertThat(reader.readMethodCall(in).methodName()).isEqualTo("supervisor.getState");
        assertThat(in.closed).isFalse();
    }

    @Test
    void nestingUpToTheCapIsAccepted() throws Exception {
        XmlRpcValue deep = XmlRpcValue.of(1);
        for (int i = 0; i < XmlRpcReader.DEFAULT_MAX_DEPTH; i++) {
            deep = i % 2 == 0 ? XmlRpcValue.array(deep) : XmlRpcValue.Struct.builder().put("k", deep).build();
        }
        assertThat(reader.readMethodResponse(XmlRpcWriter.methodResponse(deep))).isEqualTo(deep);
    }

    @Test
    void oneReaderServesManyThreadsAtOnce() throws Exception {
        byte[][] documents = {Captured.bytes("response-getProcessInfo.xml"), Captured.bytes("response-multicall.xml"),
                Captured.bytes("response-listMethods.xml"), Captured.bytes("response-getAllProcessInfo.xml")};
        XmlRpcValue[] expected = new XmlRpcValue[documents.length];
        for (int i = 0; i < documents.length; i++) {
            expected[i] = reader.readMethodResponse(documents[i]);
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(documents.length)) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int t = 0; t < documents.length; t++) {
                int mine = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        int k = (mine + i) % documents.length;
                        if (!reader.readMethodResponse(documents[k]).equals(expected[k])) {
                            return false;
                        }
                        assertThatThrownBy(() -> reader.readMethodResponse(utf8("<methodResponse><oops"))); // interleave
                    }
                    return true;
                }));
            }
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        }
    }

    @Test
    void maxDepthMustBeSane() {
        assertThatThrownBy(() -> new XmlRpcReader(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new XmlRpcReader(XmlRpcReader.MAX_DEPTH_LIMIT + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
