package jsupervisor.common.xmlrpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values and the text CPython 3.11's {@code repr()} gives them (checked in bulk by PythonInteropTest). */
class FloatReprTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.0                      | 0.0",
        "-0.0                     | -0.0",
        "1.0                      | 1.0",
        "-1.5                     | -1.5",
        "0.1                      | 0.1",
        "100.0                    | 100.0",
        "1e15                     | 1000000000000000.0",
        "1e16                     | 1e+16",
        "1.5e16                   | 1.5e+16",
        "123456789012345678.0     | 1.2345678901234568e+17",
        "0.0001                   | 0.0001",
        "0.00012                  | 0.00012",
        "0.00001                  | 1e-05",
        "1.5e-7                   | 1.5e-07",
        "1e100                    | 1e+100",
        "1e-100                   | 1e-100",
        "4.9e-324                 | 5e-324",
        "1.0e-323                 | 1e-323",
        "2.2250738585072014E-308  | 2.2250738585072014e-308",
        "1.7976931348623157E308   | 1.7976931348623157e+308",
        "1e23                     | 1e+23",
        "9007199254740993         | 9007199254740992.0",
        "0.30000000000000004      | 0.30000000000000004",
        "3.14159                  | 3.14159",
        "NaN                      | nan",
        "Infinity                 | inf",
        "-Infinity                | -inf"})
    void matchesPythonRepr(double value, String python) {
        assertThat(FloatRepr.repr(value)).isEqualTo(python);
    }
}
