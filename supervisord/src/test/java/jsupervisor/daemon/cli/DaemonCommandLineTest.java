package jsupervisor.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import jsupervisor.daemon.config.Accounts;
import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.config.OsDatatypes;

/** Messages were checked against {@code /usr/bin/supervisord} 4.2.5. */
class DaemonCommandLineTest {
    private static final Accounts NO_USERS = new Accounts() {
        @Override
        public Optional<User> userByName(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<User> userByUid(int uid) {
            return Optional.empty();
        }

        @Override
        public Optional<Integer> groupIdByName(String name) {
            return Optional.empty();
        }

        @Override
        public boolean groupIdExists(int gid) {
            return false;
        }
    };

    private final DaemonCommandLine cli =
            new DaemonCommandLine(new OsDatatypes(NO_USERS, Map.of("HOME", "/root"), Path.of("/"), 0));

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--bogus"), "option --bogus not recognized"),
                Arguments.of(List.of("-x"), "option -x not recognized"),
                Arguments.of(List.of("-c"), "option -c requires argument"),
                Arguments.of(List.of("--configuration"), "option --configuration requires argument"),
                Arguments.of(List.of("--nodaemon=1"), "option --nodaemon must not have an argument"),
                Arguments.of(List.of("--no"), "option --no not a unique prefix"),
                Arguments.of(List.of("x", "y"), "positional arguments are not supported: ['x', 'y']"),
                Arguments.of(List.of("-n", "x"), "positional arguments are not supported: ['x']"),
                Arguments.of(List.of("-n", "-n"), "conflicting command line option '-n'"),
                Arguments.of(List.of("-n", "--nodaemon"), "conflicting command line option '--nodaemon'"),
                Arguments.of(List.of("-e", "bogus"), "invalid value for -e 'bogus': bad logging level name 'bogus'"),
                Arguments.of(List.of("--loglevel=warning"),
                        "invalid value for --loglevel 'warning': bad logging level name 'warning'"),
                Arguments.of(List.of("-a", "many"),
                        "invalid value for -a 'many': invalid literal for int() with base 10: 'many'"),
                Arguments.of(List.of("-m", "9"), "invalid value for -m '9': 9 can not be converted to an octal type"),
                Arguments.of(List.of("-d", "/nonexistent/dir"),
                        "invalid value for -d '/nonexistent/dir': /nonexistent/dir is not an existing directory"),
                Arguments.of(List.of("-d", ""), "invalid value for -d '':  is not an existing directory"),
                Arguments.of(List.of("-q", ""), "invalid value for -q '':  is not an existing directory"),
                Arguments.of(List.of("-l", "/nonexistent/dir/x.log"), "invalid value for -l '/nonexistent/dir/x.log': "
                        + "The directory named as part of the path /nonexistent/dir/x.log does not exist"),
                Arguments.of(List.of("-y", "1.5MB"),
                        "invalid value for -y '1.5MB': invalid literal for int() with base 10: '1.5'"),
                Arguments.of(List.of("-e", "bogus", "-h"), "invalid value for -e 'bogus': bad logging level name 'bogus'"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("usageErrors")
    void rejectsLikeSupervisord(List<String> args, String message) {
        assertThatThrownBy(() -> cli.parse(args)).isInstanceOf(DaemonCommandLine.UsageException.class)
                .hasMessage(message);
    }

    @Test
    void parsesEveryOption() throws Exception {
        DaemonCommandLine.Outcome o = cli.parse(List.of("-nc", "/etc/s.conf", "--silent", "-u", "nobody", "-m", "077",
                "-d", "/", "-l", "/tmp/x.log", "-y", "1KB", "-z", "3", "--logl=debug", "-j", "p.pid", "-i", "me",
                "-q", "/tmp", "-k", "-a", "2048", "--minprocs", "300", "-t", "--profile_options=calls"));
        assertThat(o).isEqualTo(new DaemonCommandLine.Run(new DaemonOptions("/etc/s.conf", true, true, "nobody", 077,
                "/", "/tmp/x.log", 1024L, 3, LoggingLevel.DEBUG, "p.pid", "me", "/tmp", true, 2048L, 300L, true,
                "calls")));
    }

    @Test
    void helpAndVersionActWhenReached() throws Exception {
        assertThat(cli.parse(List.of("-h", "-e", "bogus"))).isEqualTo(new DaemonCommandLine.Help());
        assertThat(cli.parse(List.of("-?"))).isEqualTo(new DaemonCommandLine.Help());
        assertThat(cli.parse(List.of("--vers"))).isEqualTo(new DaemonCommandLine.Version());
        assertThatThrownBy(() -> cli.parse(List.of("--", "-n")))
                .hasMessage("positional arguments are not supported: ['-n']");
    }
}
