package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were produced by Python 3.11 {@code shlex.split}. */
class CommandLineTest {

    static Stream<Arguments> splits() {
        return Stream.of(
                Arguments.of("/bin/cat", List.of("/bin/cat")),
                Arguments.of("  sleep   10 ", List.of("sleep", "10")),
                Arguments.of("a\tb\nc\rd", List.of("a", "b", "c", "d")),
                Arguments.of("a # b", List.of("a", "#", "b")),
                Arguments.of("a 'b c' d\\ e", List.of("a", "b c", "d e")),
                Arguments.of("a\"b c\"d", List.of("ab cd")),
                Arguments.of("'a\\'", List.of("a\\")),
                Arguments.of("\"a\\x\"", List.of("a\\x")),
                Arguments.of("\"a\\\"b\\\\c\"", List.of("a\"b\\c")),
                Arguments.of("\"\"", List.of("")),
                Arguments.of("a ''", List.of("a", "")),
                Arguments.of("sh -c \"echo 'hi there'; exit 3\"", List.of("sh", "-c", "echo 'hi there'; exit 3")),
                Arguments.of("\\'x", List.of("'x")));
    }

    @ParameterizedTest
    @MethodSource("splits")
    void splitsLikePosixShlex(String command, List<String> argv) {
        assertThat(CommandLine.split(command)).isEqualTo(new CommandLine.Words(argv));
    }

    @Test
    void unclosedQuoteIsReportedWithTheCommandRepr() {
        assertThat(CommandLine.split("/bin/echo \"oops"))
                .isEqualTo(new CommandLine.Error("can't parse command '/bin/echo \"oops': No closing quotation"));
        assertThat(CommandLine.split("echo 'it"))
                .isEqualTo(new CommandLine.Error("can't parse command \"echo 'it\": No closing quotation"));
    }

    @Test
    void trailingBackslashIsNoEscapedCharacter() {
        assertThat(CommandLine.split("echo x\\"))
                .isEqualTo(new CommandLine.Error("can't parse command 'echo x\\\\': No escaped character"));
        assertThat(CommandLine.split("echo \"x\\"))
                .isEqualTo(new CommandLine.Error("can't parse command 'echo \"x\\\\': No escaped character"));
    }

    @Test
    void emptyCommandIsEmpty() {
        assertThat(CommandLine.split("")).isEqualTo(new CommandLine.Error("command is empty"));
        assertThat(CommandLine.split("  \t ")).isEqualTo(new CommandLine.Error("command is empty"));
    }
}
