package jsupervisor.daemon.logging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link LogSink} that records every call, for assertions on what reached a sink and in which order. */
final class RecordingSink implements LogSink {

    final List<String> calls = new ArrayList<>();
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    @Override
    public void write(byte[] data, int offset, int len) {
        calls.add("write " + new String(data, offset, len, StandardCharsets.UTF_8));
        bytes.write(data, offset, len);
    }

    @Override
    public void reopen() {
        calls.add("reopen");
    }

    @Override
    public void close() {
        calls.add("close");
    }

    String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
