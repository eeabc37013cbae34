package jsupervisor.daemon.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpawnRequestTest {

    @Test
    void builderDefaultsToPipesEverywhere() {
        SpawnRequest r = SpawnRequest.builder("/bin/true", List.of("true"), Map.of("A", "1")).build();
        assertThat(r.stdinPipe()).isTrue();
        assertThat(r.stdout()).isEqualTo(Output.PIPE);
        assertThat(r.stderr()).isEqualTo(Output.PIPE);
        assertThat(r.redirectStderrToStdout()).isFalse();
        assertThat(r.directory()).isNull();
        assertThat(r.umask()).isNull();
        assertThat(r.blockedSignals()).isEmpty();
        assertThat(r.extraFd()).isNull();
    }

    @Test
    void redirectClearsStderr() {
        SpawnRequest r = SpawnRequest.builder("x", List.of("x"), Map.of()).redirectStderrToStdout().build();
        assertThat(r.stderr()).isNull();
        assertThat(r.redirectStderrToStdout()).isTrue();
    }

    @Test
    void rejectsMalformedInput() {
        assertThatThrownBy(() -> SpawnRequest.builder("", List.of("x"), Map.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpawnRequest.builder("x", List.of(), Map.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpawnRequest.builder("x", List.of("a\0b"), Map.of()).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpawnRequest.builder("x", List.of("x"), Map.of("A=B", "1")).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpawnRequest.builder("x", List.of("x"), Map.of()).umask(01000).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpawnRequest.builder("x", List.of("x"), Map.of()).stderr(null).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Output.fd(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentIsCopiedAndUnmodifiable() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of("A", "1"));
        SpawnRequest r = SpawnRequest.builder("x", List.of("x"), env).build();
        env.put("B", "2");
        assertThat(r.env()).containsExactly(Map.entry("A", "1"));
        assertThatThrownBy(() -> r.env().put("C", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void failedResultMessageNamesStageAndErrno() {
        SpawnResult.Failed f = new SpawnResult.Failed(SpawnResult.Stage.SPAWN, Errno.ENOENT);
        assertThat(f.message()).isEqualTo("posix_spawn: ENOENT (No such file or directory)");
        assertThat(new SpawnResult.Failed(SpawnResult.Stage.PIPES, Errno.EMFILE).message())
                .isEqualTo("pipe2: EMFILE (Too many open files)");
    }
}
