package jsupervisor.daemon.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Judges a listener's {@code RESULT} body: Supervisor's {@code result_handler} entry point. Returning
 * {@link Verdict#ACCEPT} acknowledges the event, {@link Verdict#REJECT} re-queues it (Python's
 * {@code RejectEvent}); throwing any runtime exception is the "event caused an error" path (the listener goes
 * UNKNOWN and the event is re-queued). Called on the loop thread; must not block.
 */
@FunctionalInterface
public interface ResultHandler {

    enum Verdict { ACCEPT, REJECT }

    Verdict handle(Event event, byte[] response);

    /** {@code supervisor.dispatchers:default_handler}: accepts exactly {@code b'OK'}, rejects anything else. */
    ResultHandler DEFAULT = (event, response) ->
            Arrays.equals(response, "OK".getBytes(StandardCharsets.US_ASCII)) ? Verdict.ACCEPT : Verdict.REJECT;
}
