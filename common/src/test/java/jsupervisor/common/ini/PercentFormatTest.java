package jsupervisor.common.ini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PercentFormatTest {
    private static final Map<String, Object> NAMES = Map.of("here", "/h", "a", "A", "b", "B", "num", 7L);

    /** Expected outputs were produced by Python 3.11's {@code str % dict}. */
    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("%(a)s%(b)s", "AB"),
                Arguments.of("%(here)-10s|", "/h        |"),
                Arguments.of("%(num)05d", "00007"),
                Arguments.of("%(num)02d", "07"),
                Arguments.of("%(num)d", "7"),
                Arguments.of("%(num)s", "7"),
                Arguments.of("%(here)r", "'/h'"),
                Arguments.of("%(num)x", "7"),
                Arguments.of("%(num).2f", "7.00"),
                Arguments.of("%%(here)s", "%(here)s"),
                Arguments.of("100%%", "100%"),
                Arguments.of("%(here).1s", "/"),
                Arguments.of("no names", "no names"));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void formatsLikePython(String format, String expected) throws Exception {
        assertThat(PercentFormat.expand(format, NAMES, "x.y")).isEqualTo(expected);
    }

    static Stream<Arguments> badFormats() {
        return Stream.of(
                Arguments.of("%", "incomplete format"),
                Arguments.of("abc%", "incomplete format"),
                Arguments.of("%5", "incomplete format"),
                Arguments.of("%(here)", "incomplete format"),
                Arguments.of("%(here)z", "unsupported format character 'z' (0x7a) at index 7"),
                Arguments.of("%-(here)s", "unsupported format character '(' (0x28) at index 2"),
                Arguments.of("%(here)d", "%d format: a real number is required, not str"),
                Arguments.of("%d", "%d format: a real number is required, not dict"),
                Arguments.of("%x", "%x format: an integer is required, not dict"),
                Arguments.of("%s %s", "not enough arguments for format string"),
                Arguments.of("%(here)s %s %s", "not enough arguments for format string"),
                Arguments.of("%(here)s %s", "format requires a mapping key, as in %(name)s"),
                Arguments.of("echo \"%\"", "unsupported format character '\"' (0x22) at index 7"));
    }

    @ParameterizedTest
    @MethodSource("badFormats")
    void reportsPythonsFormatErrors(String format, String pythonMessage) {
        assertThatThrownBy(() -> PercentFormat.expand(format, NAMES, "program:x.command"))
                .hasMessage("Format string " + PythonRepr.of(format) + " for 'program:x.command' is badly formatted: "
                        + pythonMessage);
    }

    @Test
    void unknownNameListsTheAvailableOnesSorted() {
        assertThatThrownBy(() -> PercentFormat.expand("%(x)s %", NAMES, "program:x.command"))
                .hasMessage("Format string '%(x)s %' for 'program:x.command' contains names ('x') which cannot be "
                        + "expanded. Available names: a, b, here, num");
    }
}
