package jsupervisor.daemon.events;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The data part of PROCESS_LOG and PROCESS_COMMUNICATION payloads: the child's bytes decoded as strict UTF-8,
 * or {@code Undecodable: b'...'} with Python's {@code repr()} of the bytes when they are not valid UTF-8
 * ({@code 'Undecodable: %r' % self.data} in {@code supervisor/events.py}). Stateless.
 */
final class EventData {
    private EventData() {
    }

    /** {@code as_string(data)}, or the {@code Undecodable:} form when strict UTF-8 decoding fails. */
    static String render(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return "Undecodable: " + bytesRepr(data);
        }
    }

    /**
     * Python's {@code repr()} of a {@code bytes} value (CPython {@code bytes_repr}): single quotes unless the
     * bytes hold a single quote and no double quote; {@code \t \n \r}, an escaped quote and backslash;
     * {@code \xNN} (lower-case hex) for other bytes below 0x20 and from 0x7f.
     */
    static String bytesRepr(byte[] data) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : data) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder out = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte value : data) {
            int b = value & 0xff;
            if (b == quote || b == '\\') {
                out.append('\\').append((char) b);
            } else if (b == '\t') {
                out.append("\\t");
            } else if (b == '\n') {
                out.append("\\n");
            } else if (b == '\r') {
                out.append("\\r");
            } else if (b < 0x20 || b >= 0x7f) {
                out.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 15, 16));
            } else {
                out.append((char) b);
            }
        }
        return out.append(quote).toString();
    }
}
