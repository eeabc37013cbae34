package jsupervisor.it.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test-side JSON reader and differ that the config corpus relies on. */
class JsonTreeTest {
    @Test
    void parsesPythonJsonDumpOutput() {
        Object v = Json.parse(" {\"a\": [1, -2, 3.5, true, false, null], \"b\": \"x\\\"\\n\\u00e9\\ud83d\\ude00\", \"c\": {}} ");
        assertThat(v).isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2L, 3.5, true, false, null),
                "b", "x\"\né\uD83D\uDE00", "c", Map.of()));
    }

    @Test
    void rejectsTrailingGarbage() {
        assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsPathsOfFirstDifferences() {
        Object ref = Json.parse("{\"groups\": [{\"processes\": [{\"stopsignal\": 15, \"exitcodes\": [0]}]}], \"x\": 1}");
        Object ours = Map.of("groups", List.of(Map.of("processes",
                List.of(Map.of("stopsignal", 9, "exitcodes", List.of(0, 2))))), "y", "extra");
        assertThat(JsonTree.differences(ref, ours)).containsExactly(
                "groups[0].processes[0].stopsignal: reference 15, ours 9",
                "groups[0].processes[0].exitcodes[1]: reference (missing), ours 2",
                "x: reference 1, ours (missing)",
                "y: reference (missing), ours \"extra\"");
    }

    @Test
    void comparesNumbersByValueWhateverTheirBoxedType() {
        assertThat(JsonTree.same(Json.parse("[448, null]"), java.util.Arrays.asList(448, null))).isTrue();
        assertThat(JsonTree.same(1L, "1")).isFalse();
    }

    @Test
    void getsValuesByPath() {
        Object v = Json.parse("{\"groups\": [{\"processes\": [{\"environment\": {\"A\": \"1\"}}]}]}");
        assertThat(JsonTree.get(v, "groups[0].processes[0].environment.A")).isEqualTo("1");
        assertThatThrownBy(() -> JsonTree.get(v, "groups[1]")).hasMessageContaining("no groups[1]");
    }
}
