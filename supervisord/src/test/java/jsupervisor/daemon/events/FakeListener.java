package jsupervisor.daemon.events;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.process.ProcessState;

/** A listener process stand-in: a settable state, an EPIPE switch, and the envelopes written to it. */
final class FakeListener implements ListenerHandle {
    private final String name;
    ProcessState state = ProcessState.RUNNING;
    boolean epipe;
    final List<String> written = new ArrayList<>();

    FakeListener(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ProcessState processState() {
        return state;
    }

    @Override
    public WriteResult write(byte[] envelope) {
        if (epipe) {
            return WriteResult.EPIPE;
        }
        written.add(new String(envelope, StandardCharsets.UTF_8));
        return WriteResult.WRITTEN;
    }

    /** The serials of the envelopes written so far, read from their headers. */
    List<Integer> serials() {
        return written.stream().map(e -> Integer.parseInt(e.split(" ")[2].substring("serial:".length()))).toList();
    }
}
