package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.process.testing.ProcessFixture;

/** spawn(): the success path, every spawn error, and what the spawner is given. */
class SubprocessSpawnTest {
    private final ProcessFixture fx = new ProcessFixture();

    @Test
    void spawnStartsTheChildAndLogsItsPid() {
        Subprocess p = fx.process(program("web").command("/bin/sleep 100"));

        assertThat(p.spawn()).isEqualTo(1000);

        assertThat(p.state()).isEqualTo(ProcessState.STARTING);
        assertThat(p.pid()).isEqualTo(1000);
        assertThat(p.spawnerr()).isNull();
        assertThat(p.laststart()).isEqualTo(fx.clock.wallSeconds());
        assertThat(fx.log.lines()).containsExactly("INFO spawned: 'web' with pid 1000");
        assertThat(fx.listener.transitions()).containsExactly("STOPPED->STARTING");
        ProcessStateChange c = fx.listener.last();
        assertThat(c.processName()).isEqualTo("web");
        assertThat(c.groupName()).isEqualTo("web");
        assertThat(c.tries()).isZero();
        assertThat(c.pid()).as("the STARTING event precedes the fork").isZero();
        assertThat(c.process()).isSameAs(p);
    }

    @Test
    void spawnSpecCarriesEverythingTheSpawnerNeeds() {
        ChannelConfig out = new ChannelConfig(LogTarget.file("/var/log/web.out"), 1024, 2, 0, true, false);
        Subprocess p = new Subprocess(program("web").command("sleep 'a b' 5").directory("/srv").umask(022)
                .user("www", 33).redirectStderr(true).stdout(out).env("MODE", "prod").build(), "frontend",
                fx.services());
        fx.fileSystem.program("/usr/bin/sleep");

        p.spawn();

        SpawnSpec spec = fx.spawner.last();
        assertThat(spec.processName()).isEqualTo("web");
        assertThat(spec.groupName()).isEqualTo("frontend");
        assertThat(spec.filename()).isEqualTo("/usr/bin/sleep");
        assertThat(spec.argv()).containsExactly("sleep", "a b", "5");
        assertThat(spec.directory()).isEqualTo("/srv");
        assertThat(spec.umask()).isEqualTo(022);
        assertThat(spec.uid()).isEqualTo(33);
        assertThat(spec.user()).isEqualTo("www");
        assertThat(spec.redirectStderr()).isTrue();
        assertThat(spec.stdout()).isEqualTo(out);
        assertThat(spec.environment()).containsEntry("SUPERVISOR_ENABLED", "1")
                .containsEntry("SUPERVISOR_SERVER_URL", "unix:///tmp/supervisor.sock")
                .containsEntry("SUPERVISOR_PROCESS_NAME", "web").containsEntry("SUPERVISOR_GROUP_NAME", "frontend")
                .containsEntry("MODE", "prod").containsEntry("PATH", "/usr/bin:/bin");
    }

    static Stream<Arguments> commandProblems() {
        return Stream.of(
                Arguments.of("/nope/prog", "can't find command '/nope/prog'"),
                Arguments.of("nosuchcmd_xyz", "can't find command 'nosuchcmd_xyz'"),
                Arguments.of("/srv", "command at '/srv' is a directory"),
                Arguments.of("/srv/readme", "command at '/srv/readme' is not executable"),
                Arguments.of("/srv/rootonly", "no permission to run command '/srv/rootonly'"),
                Arguments.of("/bin/sh -c 'oops", "can't parse command \"/bin/sh -c 'oops\": No closing quotation"),
                Arguments.of("/bin/echo \\", "can't parse command '/bin/echo \\\\': No escaped character"),
                Arguments.of("'", "can't parse command \"'\": No closing quotation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandProblems")
    void commandProblemsBecomeSpawnerrAndBackoffAtOnce(String command, String spawnerr) {
        fx.fileSystem.directory("/srv").file("/srv/readme", 0644, false).file("/srv/rootonly", 0700, false);
        Subprocess p = fx.process(program("web").command(command));

        assertThat(p.spawn()).isZero();

        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
        assertThat(p.spawnerr()).isEqualTo(spawnerr);
        assertThat(p.pid()).isZero();
        assertThat(p.backoff()).isEqualTo(1);
        assertThat(fx.log.lines()).containsExactly("INFO spawnerr: " + spawnerr);
        assertThat(fx.listener.transitions()).containsExactly("STOPPED->STARTING", "STARTING->BACKOFF");
        assertThat(fx.listener.last().tries()).isEqualTo(1);
        assertThat(fx.spawner.count()).isZero();
    }

    @Test
    void emptyCommandIsASpawnError() {
        Subprocess p = fx.process(program("web").command("   "));
        p.spawn();
        assertThat(p.spawnerr()).isEqualTo("command is empty");
        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "too many open files to spawn 'web'",
        "unknown error making dispatchers for 'web': EACCES",
        "Too many processes in process table to spawn 'web'",
        "unknown error during fork for 'web': ENOMEM",
    })
    void spawnerFailuresBecomeSpawnerrVerbatim(String message) {
        fx.spawner.failNext(message);
        Subprocess p = fx.process(program("web"));

        p.spawn();

        assertThat(p.state()).isEqualTo(ProcessState.BACKOFF);
        assertThat(p.spawnerr()).isEqualTo(message);
        assertThat(fx.log.lines()).containsExactly("INFO spawnerr: " + message);
    }

    @Test
    void spawningWhileAPidIsSetOnlyWarns() {
        Subprocess p = fx.process(program("web"));
        p.spawn();
        p.stop();
        fx.log.take();

        assertThat(p.spawn()).isZero();

        assertThat(p.state()).isEqualTo(ProcessState.STOPPING);
        assertThat(fx.log.lines()).containsExactly("WARN process 'web' already running");
        assertThat(fx.spawner.count()).isEqualTo(1);
    }

    @Test
    void spawnResetsSpawnerrAndExitstatus() {
        Subprocess p = fx.process(program("web").startsecs(0));
        p.spawn();
        p.finish(ExitStatus.exited(2));
        assertThat(p.spawnerr()).isEqualTo("Bad exit code 2");
        assertThat(p.exitstatus()).isEqualTo(2);

        p.spawn();

        assertThat(p.spawnerr()).isNull();
        assertThat(p.exitstatus()).isNull();
    }

    @Test
    void spawnFromAnUnexpectedStateIsAnAssertion() {
        Subprocess unknown = fx.process(program("other"));
        unknown.spawn();
        fx.signals.answer(new SignalResult.Failed("EPERM"));
        unknown.signal(1);
        unknown.finish(ExitStatus.exited(0));

        assertThat(unknown.state()).isEqualTo(ProcessState.UNKNOWN);
        assertThatThrownBy(unknown::spawn).isInstanceOf(IllegalStateException.class)
                .hasMessage("Assertion failed for other: UNKNOWN not in EXITED FATAL BACKOFF STOPPED");
    }

    @Test
    void checkCommandResolvesWithoutSpawning() {
        Subprocess ok = fx.process(program("a").command("cat -n"));
        Subprocess missing = fx.process(program("b").command("/nope"));

        assertThat(ok.checkCommand()).isEqualTo(new ResolvedCommand.Runnable("/bin/cat", List.of("cat", "-n")));
        assertThat(missing.checkCommand()).isEqualTo(
                new ResolvedCommand.Rejected(ResolvedCommand.Reason.NOT_FOUND, "can't find command '/nope'"));
        assertThat(fx.spawner.count()).isZero();
        assertThat(ok.state()).isEqualTo(ProcessState.STOPPED);
    }
}
