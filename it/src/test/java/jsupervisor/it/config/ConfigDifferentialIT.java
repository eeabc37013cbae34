package jsupervisor.it.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our config reader parses every valid case exactly as the reference does: both dumps (schema at
 * the top of {@code dump_reference.py}) are compared field by field, and a failure lists the JSON
 * paths that differ, e.g. {@code groups[2].processes[0].stopsignal: reference 15, ours 9}.
 */
class ConfigDifferentialIT {
    /** How many differences a failure message lists. */
    static final int SHOWN = 25;

    static Stream<ConfigCase> cases() {
        return ConfigCase.all("valid").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oursParsesCaseLikeReference(ConfigCase c, @TempDir Path tmp) throws Exception {
        assumeTrue(ReferenceConfigDump.available(), "reference supervisord 4.2.5 is not installed");
        Path conf = c.materialize(tmp.resolve("case"));
        Object reference = comparable(ReferenceConfigDump.dump(conf));
        Object ours = comparable(OurConfigDump.dump(conf));

        List<String> differences = JsonTree.differences(reference, ours);
        assertThat(differences)
                .as("%s: %d differences%s", c, differences.size(), differences.stream().limit(SHOWN)
                        .map(d -> "\n  " + d).collect(Collectors.joining()))
                .isEmpty();
    }

    /**
     * The tree with every eventlistener's {@code events} sorted: the reference stores them in
     * the iteration order of a Python set of names, which changes with the per-run string-hash
     * seed, so only the set is meaningful.
     */
    static Object comparable(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                Object value = comparable(e.getValue());
                if (key.equals("events") && value instanceof List<?> events) {
                    List<String> sorted = new ArrayList<>();
                    events.forEach(ev -> sorted.add(String.valueOf(ev)));
                    sorted.sort(null);
                    value = sorted;
                }
                copy.put(key, value);
            }
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ConfigDifferentialIT::comparable).toList();
        }
        return node;
    }
}
