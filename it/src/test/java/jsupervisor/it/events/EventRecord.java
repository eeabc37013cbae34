package jsupervisor.it.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.it.config.Json;

/**
 * One delivery as recorded by {@code recording_listener.py}: the listener process that got it, the envelope's
 * header fields (in wire order), the payload as childutils read it, and when it arrived (epoch seconds).
 * Immutable.
 */
record EventRecord(String process, Map<String, String> headers, String payload, double received) {

    /** Parses the record file; a last line still being written (no newline yet) is left out. */
    static List<EventRecord> readAll(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<EventRecord> records = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; start = end + 1, end = text.indexOf('\n', start)) {
            records.add(parse(text.substring(start, end)));
        }
        return records;
    }

    static EventRecord parse(String line) {
        String[] fields = line.split("\t", 4);
        if (fields.length != 4) {
            throw new IllegalArgumentException("not a record: " + line);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String token : fields[1].split(" ")) {
            int colon = token.indexOf(':');
            headers.put(token.substring(0, colon), token.substring(colon + 1));
        }
        return new EventRecord(fields[0], headers, (String) Json.parse(fields[2]), Double.parseDouble(fields[3]));
    }

    String pool() {
        return headers.get("pool");
    }

    String eventName() {
        return headers.get("eventname");
    }

    int serial() {
        return Integer.parseInt(headers.get("serial"));
    }

    int poolSerial() {
        return Integer.parseInt(headers.get("poolserial"));
    }

    boolean isTick() {
        return eventName().startsWith("TICK_");
    }

    /** True for an event of pool {@code pool} named {@code eventName} whose payload contains {@code text}. */
    boolean is(String pool, String eventName, String text) {
        return pool().equals(pool) && eventName().equals(eventName) && payload.contains(text);
    }

    /** How many of {@code records} are {@link #is} that. */
    static long count(List<EventRecord> records, String pool, String eventName, String text) {
        return records.stream().filter(r -> r.is(pool, eventName, text)).count();
    }

    @Override
    public String toString() {
        return process + " " + headers + " " + payload.replace("\n", "\\n");
    }
}
