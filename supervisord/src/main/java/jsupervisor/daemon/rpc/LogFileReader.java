package jsupervisor.daemon.rpc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * Supervisor's {@code readFile} and {@code tailFile} ({@code supervisor/options.py}, REFERENCE §6.8), byte
 * offsets and all. Log files are append-only, so these run on the caller's thread, never the loop's. Stateless.
 *
 * <p>The bytes are decoded as strict UTF-8, as Python's {@code as_string} does: a slice that splits a character
 * is not a fault in Supervisor but an HTTP 500, and so it is here ({@link RpcServerError}).
 */
final class LogFileReader {
    private static final int MAX_READ = Integer.MAX_VALUE - 16;

    private LogFileReader() {}

    /** {@code readFile(path, offset, length)}: BAD_ARGUMENTS for a bad combination, FAILED on I/O errors. */
    static String read(Path path, long offset, long length) {
        if (offset < 0 ? length != 0 : length < 0) {
            throw new RpcFault(Fault.BAD_ARGUMENTS);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            long pos;
            long count;
            if (offset < 0) {
                pos = Math.max(0, size + offset); // the last |offset| bytes
                count = offset == Long.MIN_VALUE ? Long.MAX_VALUE : -offset;
            } else {
                pos = offset;
                count = length == 0 ? Long.MAX_VALUE : length;
            }
            return decode(readAt(ch, pos, Math.min(count, Math.max(0, size - pos))));
        } catch (IOException e) {
            throw FaultMapping.readFailed(e);
        }
    }

    /** {@code tailFile(path, offset, length)} → {@code [bytes, newoffset, overflow]}; never a fault. */
    static XmlRpcValue tail(Path path, long offset, long length) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long sz = ch.size();
            boolean overflow = false;
            // Python's ints do not wrap: offsets and lengths near the 64-bit limits saturate instead
            if (sz > saturatedSum(offset, length)) {
                overflow = true;
                offset = sz - 1;
            }
            if (saturatedSum(offset, length) > sz) {
                if (offset > sz - 1) {
                    length = 0;
                }
                offset = sz - length;
            }
            offset = Math.max(0, offset);
            length = Math.max(0, length);
            String data = length == 0 ? "" : decode(readAt(ch, offset, Math.min(length, Math.max(0, sz - offset))));
            return XmlRpcValue.array(XmlRpcValue.of(data), XmlRpcValue.of(sz), XmlRpcValue.of(overflow));
        } catch (IOException e) {
            return XmlRpcValue.array(XmlRpcValue.of(""), XmlRpcValue.of(offset), XmlRpcValue.of(false));
        }
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    private static byte[] readAt(FileChannel ch, long pos, long count) throws IOException {
        if (count > MAX_READ) {
            throw new IOException("log slice too large: " + count + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) count);
        while (buf.hasRemaining()) {
            if (ch.read(buf, pos + buf.position()) < 0) {
                break;
            }
        }
        byte[] out = new byte[buf.position()];
        buf.flip().get(out);
        return out;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RpcServerError("<class 'UnicodeDecodeError'>:'utf-8' codec can't decode the log slice");
        }
    }
}
