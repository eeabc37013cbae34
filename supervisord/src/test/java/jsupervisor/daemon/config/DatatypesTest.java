package jsupervisor.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every row was checked against {@code supervisor.datatypes} of Supervisor 4.2.5 under Python 3.11. */
class DatatypesTest {

    @FunctionalInterface
    interface Conversion {
        Object apply(String s) throws InvalidValueException;
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of("bool", (Conversion) Datatypes::bool, "YES", true),
                Arguments.of("bool", (Conversion) Datatypes::bool, "off", false),
                Arguments.of("bool", (Conversion) Datatypes::bool, "1", true),
                Arguments.of("integer", (Conversion) Datatypes::integer, " 7 ", 7L),
                Arguments.of("integer", (Conversion) Datatypes::integer, "1_0", 10L),
                Arguments.of("integer", (Conversion) Datatypes::integer, "-5", -5L),
                Arguments.of("integer", (Conversion) Datatypes::integer, "010", 10L),
                Arguments.of("integer", (Conversion) Datatypes::integer, "0", 0L),
                Arguments.of("integer", (Conversion) Datatypes::integer, "999999999999999999", 999999999999999999L),
                Arguments.of("integer", (Conversion) Datatypes::integer, "9223372036854775807", Long.MAX_VALUE),
                Arguments.of("integer", (Conversion) Datatypes::integer, "00000000000000000000012", 12L),
                Arguments.of("octal", (Conversion) Datatypes::octal, "0", 0),
                Arguments.of("byteSize", (Conversion) Datatypes::byteSize, "3 MB", 3145728L),
                Arguments.of("byteSize", (Conversion) Datatypes::byteSize, "-1kb", -1024L),
                Arguments.of("byteSize", (Conversion) Datatypes::byteSize, "1GB", 1073741824L),
                Arguments.of("byteSize", (Conversion) Datatypes::byteSize, "50MB", 52428800L),
                Arguments.of("byteSize", (Conversion) Datatypes::byteSize, "0", 0L),
                Arguments.of("octal", (Conversion) Datatypes::octal, "022", 18),
                Arguments.of("octal", (Conversion) Datatypes::octal, "77", 63),
                Arguments.of("octal", (Conversion) Datatypes::octal, "0o22", 18),
                Arguments.of("octal", (Conversion) Datatypes::octal, " 7 ", 7),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "term", 15),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, " KILL ", 9),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "sigterm", 15),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "0", 0),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "34", 34),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "64", 64),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "_dfl", 0),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "io", 29),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "IOT", 6),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, "cld", 17),
                Arguments.of("signal", (Conversion) Datatypes::signalNumber, " 15 ", 15),
                Arguments.of("exitcodes", (Conversion) Datatypes::exitCodes, "0, 2 ,255", List.of(0, 2, 255)),
                Arguments.of("exitcodes", (Conversion) Datatypes::exitCodes, "", List.of()),
                Arguments.of("autorestart", (Conversion) Datatypes::autoRestart, "TRUE", AutoRestart.TRUE),
                Arguments.of("autorestart", (Conversion) Datatypes::autoRestart, "Unexpected",
                        AutoRestart.UNEXPECTED),
                Arguments.of("autorestart", (Conversion) Datatypes::autoRestart, "no", AutoRestart.FALSE),
                Arguments.of("level", (Conversion) Datatypes::loggingLevel, "Info", LoggingLevel.INFO),
                Arguments.of("level", (Conversion) Datatypes::loggingLevel, "BLATHER", LoggingLevel.BLATHER),
                Arguments.of("name", (Conversion) Datatypes::processOrGroupName, " ok ", "ok"),
                Arguments.of("inet", (Conversion) Datatypes::inetAddress, "127.0.0.1:9001",
                        new Datatypes.InetAddressSpec("127.0.0.1", 9001)),
                Arguments.of("inet", (Conversion) Datatypes::inetAddress, "*:9001",
                        new Datatypes.InetAddressSpec("", 9001)),
                Arguments.of("inet", (Conversion) Datatypes::inetAddress, ":9001",
                        new Datatypes.InetAddressSpec("", 9001)),
                Arguments.of("inet", (Conversion) Datatypes::inetAddress, "9001",
                        new Datatypes.InetAddressSpec("", 9001)),
                Arguments.of("inet", (Conversion) Datatypes::inetAddress, "HOST:1",
                        new Datatypes.InetAddressSpec("host", 1)),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=\"1,2\",B='x y',C=3, D = 4 ",
                        Map.of("A", "1,2", "B", "x y", "C", "3", "D", "4")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "PATH=/a:/b", Map.of("PATH", "/a:/b")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "X=$HOME", Map.of("X", "$")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=a b", Map.of("A", "a")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=1;B=2", Map.of("A", "1", "B", "2")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=x#y,B=2", Map.of("A", "x")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=1,", Map.of("A", "1")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=1,B=2,", Map.of("A", "1", "B", "2")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=\"\"", Map.of("A", "")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "a.b=c-d", Map.of("a.b", "c-d")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "A=x\"y z\"", Map.of("A", "x\"y")),
                Arguments.of("env", (Conversion) KeyValuePairs::parse, "", Map.of()));
    }

    @ParameterizedTest(name = "[{index}] {0} {2}")
    @MethodSource("accepted")
    void acceptsWhatSupervisorAccepts(String type, Conversion c, String input, Object expected) throws Exception {
        assertThat(c.apply(input)).isEqualTo(expected);
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of((Conversion) Datatypes::bool, "maybe", "not a valid boolean value: 'maybe'"),
                Arguments.of((Conversion) Datatypes::integer, "ten", "invalid literal for int() with base 10: 'ten'"),
                Arguments.of((Conversion) Datatypes::integer, "1.5", "invalid literal for int() with base 10: '1.5'"),
                Arguments.of((Conversion) Datatypes::integer, "0x10", "invalid literal for int() with base 10: '0x10'"),
                Arguments.of((Conversion) Datatypes::integer, "12a", "invalid literal for int() with base 10: '12a'"),
                Arguments.of((Conversion) Datatypes::integer, "1/2", "invalid literal for int() with base 10: '1/2'"),
                Arguments.of((Conversion) Datatypes::octal, "18", "18 can not be converted to an octal type"),
                Arguments.of((Conversion) Datatypes::byteSize, "10XB", "invalid literal for int() with base 10: '10xb'"),
                Arguments.of((Conversion) Datatypes::byteSize, "1.5MB", "invalid literal for int() with base 10: '1.5'"),
                Arguments.of((Conversion) Datatypes::octal, "9", "9 can not be converted to an octal type"),
                Arguments.of((Conversion) Datatypes::octal, "", " can not be converted to an octal type"),
                Arguments.of((Conversion) Datatypes::signalNumber, "32", "value '32' is not a valid signal number"),
                Arguments.of((Conversion) Datatypes::signalNumber, "63", "value '63' is not a valid signal number"),
                Arguments.of((Conversion) Datatypes::signalNumber, "RTMIN+1",
                        "value 'RTMIN+1' is not a valid signal name"),
                Arguments.of((Conversion) Datatypes::signalNumber, "bogus", "value 'bogus' is not a valid signal name"),
                Arguments.of((Conversion) Datatypes::exitCodes, "256", "not a valid list of exit codes: '256'"),
                Arguments.of((Conversion) Datatypes::exitCodes, "abc", "not a valid list of exit codes: 'abc'"),
                Arguments.of((Conversion) Datatypes::exitCodes, "1,", "not a valid list of exit codes: '1,'"),
                Arguments.of((Conversion) Datatypes::exitCodes, "-1", "not a valid list of exit codes: '-1'"),
                Arguments.of((Conversion) Datatypes::autoRestart, "Maybe", "invalid 'autorestart' value 'maybe'"),
                Arguments.of((Conversion) Datatypes::loggingLevel, "warning", "bad logging level name 'warning'"),
                Arguments.of((Conversion) Datatypes::processOrGroupName, "x:y",
                        "Invalid name: 'x:y' because of character: ':'"),
                Arguments.of((Conversion) Datatypes::processOrGroupName, "a b",
                        "Invalid name: 'a b' because of character: ' '"),
                Arguments.of((Conversion) Datatypes::processOrGroupName, "a/b",
                        "Invalid name: 'a/b' because of character: '/'"),
                Arguments.of((Conversion) Datatypes::inetAddress, "host:", "no port number specified in ''"),
                Arguments.of((Conversion) Datatypes::inetAddress, "abc", "not a valid port number: 'abc' "),
                Arguments.of((Conversion) Datatypes::inetAddress, "70000", "not a valid port number: '70000' "),
                Arguments.of((Conversion) Datatypes::inetAddress, ":70000", "70000 is above upper bound (65535)"),
                Arguments.of((Conversion) Datatypes::inetAddress, "h:0", "0 is below lower bound (1)"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=",
                        "Unexpected end of key/value pairs in value 'A='"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=x,,B=y",
                        "Unexpected end of key/value pairs in value 'A=x,,B=y'"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=a=b",
                        "Unexpected end of key/value pairs in value 'A=a=b'"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=a@b",
                        "Unexpected end of key/value pairs in value 'A=a@b'"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=x*y",
                        "Unexpected end of key/value pairs in value 'A=x*y'"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=\"a b\" B=\"c\"",
                        "Unexpected end of key/value pairs in value 'A=\"a b\" B=\"c\"'"),
                Arguments.of((Conversion) KeyValuePairs::parse, "K=v\nL=w",
                        "Unexpected end of key/value pairs in value 'K=v\nL=w'"),
                Arguments.of((Conversion) KeyValuePairs::parse, "A=\"unterminated", "No closing quotation"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("rejected")
    void rejectsWithSupervisorsMessage(Conversion c, String input, String message) {
        assertThatThrownBy(() -> c.apply(input)).isInstanceOf(InvalidValueException.class).hasMessage(message);
    }

    /** Python's int() takes any size: a literal beyond 64 bits is a valid number, never "invalid literal". */
    @org.junit.jupiter.api.Test
    void integersBeyondSixtyFourBitsAreNumbers() throws Exception {
        assertThat(Datatypes.integer("99999999999999999999")).isEqualTo(Long.MAX_VALUE);
        assertThat(Datatypes.integer("-99999999999999999999")).isEqualTo(Long.MIN_VALUE);
        assertThat(Datatypes.integer("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> Datatypes.int32("99999999999999999999")).isInstanceOf(InvalidValueException.class)
                .hasMessage("value '99999999999999999999' is out of range");
    }
}
