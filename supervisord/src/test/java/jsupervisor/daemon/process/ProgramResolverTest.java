package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.process.ResolvedCommand.Reason;
import jsupervisor.daemon.process.ResolvedCommand.Rejected;
import jsupervisor.daemon.process.testing.FakeFileSystem;
import jsupervisor.daemon.process.testing.ProcessConfigBuilder;

class ProgramResolverTest {
    private final FakeFileSystem fs = new FakeFileSystem();

    private ResolvedCommand resolve(Map<String, String> supervisordEnv, ProcessConfigBuilder config) {
        return new ProgramResolver(fs, supervisordEnv).resolve(config.build());
    }

    private ResolvedCommand resolve(String command) {
        return resolve(Map.of("PATH", "/usr/bin:/bin"), ProcessConfigBuilder.program("p").command(command));
    }

    @Test
    void absoluteProgramIsStattedAsIs() {
        fs.program("/opt/app/run");
        assertThat(resolve("/opt/app/run --port 80"))
                .isEqualTo(new ResolvedCommand.Runnable("/opt/app/run", List.of("/opt/app/run", "--port", "80")));
        assertThat(fs.statted()).containsExactly("/opt/app/run");
    }

    @Test
    void relativePathWithSlashIsNotSearched() {
        fs.program("/usr/bin/bin/run");
        assertThat(resolve("bin/run")).isEqualTo(new Rejected(Reason.NOT_FOUND, "can't find command 'bin/run'"));
        assertThat(fs.statted()).containsExactly("bin/run");
    }

    @Test
    void bareNameSearchesSupervisordPathInOrderAndKeepsArgv0() {
        fs.program("/bin/cat").program("/usr/bin/cat");
        assertThat(resolve("cat -n")).isEqualTo(new ResolvedCommand.Runnable("/usr/bin/cat", List.of("cat", "-n")));
    }

    @Test
    void programEnvironmentPathWinsOverSupervisordPath() {
        fs.program("/usr/bin/tool").program("/opt/bin/tool");
        ResolvedCommand r = resolve(Map.of("PATH", "/usr/bin"),
                ProcessConfigBuilder.program("p").command("tool").env("PATH", "/opt/bin:/usr/bin"));
        assertThat(r).isEqualTo(new ResolvedCommand.Runnable("/opt/bin/tool", List.of("tool")));
    }

    @Test
    void missingOrEmptySupervisordPathFallsBackToTheDefault() {
        fs.program("/usr/local/bin/tool");
        ProcessConfigBuilder c = ProcessConfigBuilder.program("p").command("tool");
        assertThat(resolve(Map.of(), c)).isInstanceOf(ResolvedCommand.Runnable.class);
        assertThat(resolve(Map.of("PATH", ""), c)).isInstanceOf(ResolvedCommand.Runnable.class);
        assertThat(fs.statted()).containsExactly("/bin/tool", "/usr/bin/tool", "/usr/local/bin/tool");
    }

    @Test
    void emptyPathEntryMeansTheCurrentDirectory() {
        fs.program("tool");
        ResolvedCommand r = resolve(Map.of("PATH", "/nowhere::/else"), ProcessConfigBuilder.program("p").command("tool"));
        assertThat(r).isEqualTo(new ResolvedCommand.Runnable("tool", List.of("tool")));
    }

    @Test
    void firstHitWinsEvenIfItIsADirectory() {
        fs.directory("/usr/bin/thing").program("/bin/thing");
        assertThat(resolve("thing"))
                .isEqualTo(new Rejected(Reason.NOT_EXECUTABLE, "command at '/usr/bin/thing' is a directory"));
    }

    @Test
    void notFoundOnPathNamesTheBareProgram() {
        assertThat(resolve("nosuchcmd_xyz"))
                .isEqualTo(new Rejected(Reason.NOT_FOUND, "can't find command 'nosuchcmd_xyz'"));
    }

    @Test
    void checksComeInSupervisorsOrder() {
        fs.directory("/srv");
        fs.file("/srv/data.txt", 0644, false);
        fs.file("/srv/secret", 0700, false);
        assertThat(resolve("/nope")).isEqualTo(new Rejected(Reason.NOT_FOUND, "can't find command '/nope'"));
        assertThat(resolve("/srv"))
                .isEqualTo(new Rejected(Reason.NOT_EXECUTABLE, "command at '/srv' is a directory"));
        assertThat(resolve("/srv/data.txt"))
                .isEqualTo(new Rejected(Reason.NOT_EXECUTABLE, "command at '/srv/data.txt' is not executable"));
        assertThat(resolve("/srv/secret"))
                .isEqualTo(new Rejected(Reason.NO_PERMISSION, "no permission to run command '/srv/secret'"));
    }

    @Test
    void parseErrorsAreBadCommands() {
        assertThat(resolve("/bin/sh -c 'oops"))
                .isEqualTo(new Rejected(Reason.BAD_COMMAND,
                        "can't parse command \"/bin/sh -c 'oops\": No closing quotation"));
        assertThat(resolve("")).isEqualTo(new Rejected(Reason.BAD_COMMAND, "command is empty"));
    }
}
