package jsupervisor.daemon.logging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A {@link SinkListener} that records each report as a line, for assertions. */
final class RecordingSinkListener implements SinkListener {

    final List<String> events = new ArrayList<>();

    @Override
    public void failed(String sink, String action, IOException cause) {
        events.add("failed " + action + ": " + cause.getMessage());
    }

    @Override
    public void recovered(String sink, long droppedBytes) {
        events.add("recovered, dropped " + droppedBytes);
    }
}
