package jsupervisor.daemon.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations printed by {@code /usr/bin/python3 -c 'print(int(b"..."))'}. */
class PythonIntTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "invalid", value = {
        "2|2", "' 2 '|2", "1_0|10", "+3|3", "-1|-1", "007|7", "'2\r'|2", "'\t 12\n'|12",
        "1__0|invalid", "_1|invalid", "1_|invalid", "0x10|invalid", "''|invalid", "1 0|invalid", "+|invalid",
        "' '|invalid", "OK|invalid", "99999999999999999999999|9223372036854775807"})
    void parsesLikePythonInt(String text, Long expected) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        OptionalLong parsed = PythonInt.parse(b, 0, b.length);
        if (expected == null) {
            assertThat(parsed).isEmpty();
        } else {
            assertThat(parsed).hasValue(expected);
        }
    }
}
