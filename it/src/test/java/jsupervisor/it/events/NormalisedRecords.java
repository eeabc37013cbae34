package jsupervisor.it.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What one daemon's listeners recorded, with what legitimately differs between two daemons taken out, so that
 * ours and the reference's can be compared line for line, per pool, in delivery order.
 *
 * <ul>
 *   <li>pids are masked ({@code pid:<pid>}), and {@code len} is restated as the length of the masked payload
 *       (after checking that it was the code-point length of the real one, which is what childutils reads);</li>
 *   <li>ticks come when the wall clock says, so they sit at different places among the other events: they are
 *       kept apart, and every other event's serial and poolserial are renumbered as if no tick had taken one
 *       (a tick takes a serial only if some pool subscribes to it, so the tick-recording pools see them all);</li>
 *   <li>once the supervisor is stopping, each pool is stopped after the groups above it and takes with it what it
 *       had not been sent yet; where that cut falls depends on how fast its listener answered, so events after
 *       {@code SUPERVISOR_STATE_CHANGE_STOPPING} are kept apart without serials, for a prefix comparison.</li>
 * </ul>
 */
final class NormalisedRecords {
    private static final Pattern PID = Pattern.compile("pid:\\d+");
    private static final List<String> HEADER = List.of("ver", "server", "serial", "pool", "poolserial", "eventname",
            "len");

    /** Per pool, the events up to and including SUPERVISOR_STATE_CHANGE_STOPPING, renumbered and masked. */
    final Map<String, List<String>> running = new TreeMap<>();
    /** Per pool, the events after it, without serials. */
    final Map<String, List<String>> stopping = new TreeMap<>();
    /** The tick deliveries, untouched. */
    final List<EventRecord> ticks = new ArrayList<>();

    NormalisedRecords(List<EventRecord> records) {
        TreeSet<Integer> tickSerials = new TreeSet<>();
        int stopSerial = Integer.MAX_VALUE;
        for (EventRecord r : records) {
            if (r.isTick()) {
                tickSerials.add(r.serial());
                ticks.add(r);
            } else if (r.eventName().equals("SUPERVISOR_STATE_CHANGE_STOPPING")) {
                stopSerial = r.serial();
            }
        }
        Map<String, Integer> ticksSoFar = new TreeMap<>();
        for (EventRecord r : records) {
            if (r.isTick()) {
                ticksSoFar.merge(r.pool(), 1, Integer::sum); // a pool is sent its events in poolserial order
                continue;
            }
            int announced = Integer.parseInt(r.headers().get("len"));
            if (announced != r.payload().codePointCount(0, r.payload().length())) {
                throw new AssertionError("len is not the payload's length in code points: " + r);
            }
            String payload = PID.matcher(r.payload()).replaceAll("pid:<pid>");
            String event = r.eventName() + " len:" + payload.codePointCount(0, payload.length()) + " "
                    + payload.replace("\n", "\\n");
            if (r.serial() <= stopSerial) {
                int serial = r.serial() - tickSerials.headSet(r.serial()).size();
                int poolSerial = r.poolSerial() - ticksSoFar.getOrDefault(r.pool(), 0);
                running.computeIfAbsent(r.pool(), p -> new ArrayList<>())
                        .add("serial:" + serial + " poolserial:" + poolSerial + " " + event);
            } else {
                stopping.computeIfAbsent(r.pool(), p -> new ArrayList<>()).add(event);
            }
            if (!List.copyOf(r.headers().keySet()).equals(HEADER) || !r.headers().get("ver").equals("3.0")
                    || !r.headers().get("server").equals("supervisor")) {
                throw new AssertionError("not the header of REFERENCE.md 10.2: " + r);
            }
        }
    }

    /** One pool's events before stopping, as one text block (for readable failure messages). */
    String running(String pool) {
        return String.join("\n", running.getOrDefault(pool, List.of()));
    }
}
