package jsupervisor.common.ini;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PythonReprTest {
    @Test
    void quotesLikePython() {
        assertThat(PythonRepr.of("text")).isEqualTo("'text'");
        assertThat(PythonRepr.of("it's")).isEqualTo("\"it's\"");
        assertThat(PythonRepr.of("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
        assertThat(PythonRepr.of("a\nb\tc\\")).isEqualTo("'a\\nb\\tc\\\\'");
        assertThat(PythonRepr.of("\u0001")).isEqualTo("'\\x01'");
        assertThat(PythonRepr.of("é")).isEqualTo("'é'");
        assertThat(PythonRepr.ofList(List.of("x", "y"))).isEqualTo("['x', 'y']");
    }
}
