package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Our bytes against Python's real {@code xmlrpc.client}: it must parse what we write and understand
 * it as we meant it (checked by letting Python write the value back and comparing bytes), and we must
 * parse and reproduce what it writes. Skipped where /usr/bin/python3 is missing.
 */
class PythonInteropTest {
    /** Reads documents separated by NUL from stdin; answers each with its loads() result re-dumped. */
    private static final String RE_DUMP = """
            import sys, xmlrpc.client as x
            out = []
            for doc in sys.stdin.buffer.read().split(b'\\0'):
                try:
                    params, method = x.loads(doc, use_builtin_types=True)
                    out.append(x.dumps(params, method, methodresponse=method is None, allow_none=True))
                except x.Fault as f:
                    out.append('FAULT %d %s' % (f.faultCode, f.faultString))
            sys.stdout.buffer.write('\\0'.join(out).encode('utf-8'))
            """;

    private final XmlRpcReader reader = new XmlRpcReader();

    @Test
    void pythonReadsEveryTypeWeWriteAsWeMeantIt() throws Exception {
        List<XmlRpcValue> values = List.of(
                XmlRpcValue.of(0), XmlRpcValue.of(Integer.MIN_VALUE), XmlRpcValue.of(true), XmlRpcValue.of(false),
                XmlRpcValue.of(""), XmlRpcValue.of("a&b<c>d]]>\"'\t\n"),
                XmlRpcValue.of("caf\u00e9 \u2603 \uD83D\uDE00"),
                XmlRpcValue.of(0.1), XmlRpcValue.of(-0.0), XmlRpcValue.of(1e16), XmlRpcValue.of(Double.MIN_VALUE),
                XmlRpcValue.of(Double.POSITIVE_INFINITY), XmlRpcValue.of(Double.NaN),
                XmlRpcValue.of(LocalDateTime.of(2026, 11, 24, 5, 1, 2)),
                XmlRpcValue.of(new byte[0]), XmlRpcValue.of(new byte[] {0, 1, 2, (byte) 0xff}),
                XmlRpcValue.of(new byte[500]),
                XmlRpcValue.array(), XmlRpcValue.array(XmlRpcValue.of(1), XmlRpcValue.array(XmlRpcValue.of("x"))),
                XmlRpcValue.Struct.builder().build(),
                XmlRpcValue.Struct.builder().put("z<&>", 1).put("a", XmlRpcValue.Nil.INSTANCE).build(),
                XmlRpcValue.Nil.INSTANCE);
        List<byte[]> documents = new ArrayList<>();
        for (XmlRpcValue v : values) {
            documents.add(XmlRpcWriter.methodResponse(v));
        }
        documents.add(XmlRpcWriter.methodCall("supervisor.startProcess", List.of(XmlRpcValue.of("web:x"),
                XmlRpcValue.of(true))));
        documents.add(XmlRpcWriter.methodCall("system.listMethods", List.of()));
        List<byte[]> answers = reDumpInPython(documents);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(new String(answers.get(i), StandardCharsets.UTF_8))
                    .as("document %d", i)
                    .isEqualTo(new String(documents.get(i), StandardCharsets.UTF_8));
        }
    }

    @Test
    void pythonReadsTheFaultWeWrite() throws Exception {
        List<byte[]> answers = reDumpInPython(List.of(XmlRpcWriter.fault(10, "BAD_NAME: caf\u00e9 <x>")));
        assertThat(new String(answers.getFirst(), StandardCharsets.UTF_8))
                .isEqualTo("FAULT 10 BAD_NAME: caf\u00e9 <x>");
    }

    @Test
    void pythonReadsControlCharactersAsReplacementCharacters() throws Exception {
        byte[] ours = XmlRpcWriter.methodResponse(XmlRpcValue.of("bell\u0007nul\u0000esc\u001b"));
        List<byte[]> answers = reDumpInPython(List.of(ours));
        assertThat(new String(answers.getFirst(), StandardCharsets.UTF_8))
                .contains("<string>bell\uFFFDnul\uFFFDesc\uFFFD</string>");
    }

    @Test
    void pythonReadsI8BeyondThirtyTwoBits() throws Exception {
        byte[] doc = XmlRpcWriter.methodResponse(XmlRpcValue.array(XmlRpcValue.of(Long.MAX_VALUE),
                XmlRpcValue.of(-2147483649L)));
        byte[] out = Python3.run("import sys, xmlrpc.client as x; print(repr(x.loads(sys.stdin.buffer.read())[0][0]))",
                doc);
        assertThat(new String(out, StandardCharsets.UTF_8).strip()).isEqualTo("[9223372036854775807, -2147483649]");
    }

    @Test
    void doublesAreWrittenAsPythonReprWritesThem() throws Exception {
        Random random = new Random(2025);
        double[] samples = new double[20_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong()); // any bit pattern, all exponents
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Math.scalb(1.0, random.nextInt(2100) - 1075); // powers of two incl. subnormals
                default -> (double) random.nextInt(1_000_000) / Math.pow(10, random.nextInt(8));
            };
        }
        ByteBuffer bits = ByteBuffer.allocate(samples.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double d : samples) {
            bits.putDouble(d);
        }
        byte[] out = Python3.run("""
                import sys, struct
                data = sys.stdin.buffer.read()
                print('\\n'.join(repr(d) for (d,) in struct.iter_unpack('<d', data)))
                """, bits.array());
        String[] python = new String(out, StandardCharsets.US_ASCII).strip().split("\n");
        assertThat(python).hasSize(samples.length);
        for (int i = 0; i < samples.length; i++) {
            assertThat(FloatRepr.repr(samples[i])).as("repr of %s (bits %x)", samples[i],
                    Double.doubleToRawLongBits(samples[i])).isEqualTo(python[i]);
        }
    }

    @Test
    void weReadAndRewriteRandomPythonDocumentsByteForByte() throws Exception {
        byte[] out = Python3.run("""
                import random, sys, datetime, xmlrpc.client as x
                r = random.Random(99)
                def value(depth):
                    k = r.randrange(10 if depth < 4 else 7)
                    if k == 0: return r.randrange(-2**31, 2**31)
                    if k == 1: return r.random() < 0.5
                    if k == 2: return ''.join(chr(r.choice([9, 10, 38, 60, 62, 65, 233, 0x2603, 0x1F600]))
                                              for _ in range(r.randrange(6)))
                    if k == 3: return r.uniform(-1e6, 1e6) * 10 ** r.randrange(-30, 30)
                    if k == 4: return datetime.datetime(r.randrange(1, 9999), r.randrange(1, 13), r.randrange(1, 29),
                                                        r.randrange(24), r.randrange(60), r.randrange(60))
                    if k == 5: return bytes(r.randrange(256) for _ in range(r.randrange(120)))
                    if k == 6: return None
                    if k in (7, 8): return [value(depth + 1) for _ in range(r.randrange(4))]
                    return {'k%d<&' % i: value(depth + 1) for i in range(r.randrange(4))}
                docs = []
                for i in range(300):
                    if i % 3 == 0:
                        docs.append(x.dumps(tuple(value(0) for _ in range(r.randrange(4))), 'm.n', allow_none=True))
                    else:
                        docs.append(x.dumps((value(0),), methodresponse=True, allow_none=True))
                sys.stdout.buffer.write('\\0'.join(docs).encode('utf-8'))
                """, new byte[0]);
        List<byte[]> documents = split(out);
        assertThat(documents).hasSize(300);
        for (int i = 0; i < documents.size(); i++) {
            byte[] python = documents.get(i);
            byte[] ours = i % 3 == 0
                    ? XmlRpcWriter.methodCall(reader.readMethodCall(python))
                    : XmlRpcWriter.methodResponse(reader.readMethodResponse(python));
            assertThat(new String(ours, StandardCharsets.UTF_8)).as("document %d", i)
                    .isEqualTo(new String(python, StandardCharsets.UTF_8));
        }
    }

    private static List<byte[]> reDumpInPython(List<byte[]> documents) throws Exception {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                joined.write(0);
            }
            joined.write(documents.get(i));
        }
        List<byte[]> answers = split(Python3.run(RE_DUMP, joined.toByteArray()));
        assertThat(answers).hasSameSizeAs(documents);
        return answers;
    }

    private static List<byte[]> split(byte[] nulSeparated) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= nulSeparated.length; i++) {
            if (i == nulSeparated.length || nulSeparated[i] == 0) {
                parts.add(Arrays.copyOfRange(nulSeparated, start, i));
                start = i + 1;
            }
        }
        return parts;
    }
}
