package jsupervisor.daemon.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jsupervisor.daemon.cli.DaemonOptions;

/** The configurations we ship (echo_supervisord_conf's sample, the README's example) load in our reader. */
class ShippedConfigsTest {
    @TempDir
    Path dir;

    private Configuration load(Path conf) throws ConfigException {
        Map<String, String> env = Map.of("HOME", "/root");
        OsDatatypes os = new OsDatatypes(PasswdFileAccounts.system(), env, dir, 0);
        return new ConfigLoader(os, env, "node", "/tmp").load(conf.toString(), DaemonOptions.none());
    }

    @Test
    void echoSupervisordConfSampleLoads() throws Exception {
        Path sample = dir.resolve("sample.conf");
        try (InputStream in = getClass().getResourceAsStream("/jsupervisor/daemon/sample.conf")) {
            assertThat(in).isNotNull();
            Files.copy(in, sample);
        }
        Configuration c = load(sample);
        assertThat(c.groups()).isEmpty();
        assertThat(c.servers()).hasSize(1);
        assertThat(c.rpcInterfaces()).extracting(RpcInterfaceConfig::name).containsExactly("supervisor");
        assertThat(c.supervisord().logfile()).isEqualTo("/tmp/supervisord.log");
    }

    @Test
    void readmeExampleLoads() throws Exception {
        Path example = Path.of("..", "examples", "supervisord.conf").toAbsolutePath().normalize();
        Configuration c = load(example);
        assertThat(c.groups()).extracting(GroupConfig::name).containsExactlyInAnyOrder("hello", "worker", "clock");
        assertThat(c.groups().stream().flatMap(g -> g.processes().stream()).map(ProcessConfig::name))
                .containsExactlyInAnyOrder("hello", "worker_0", "worker_1", "tick", "tock");
        assertThat(c.servers()).hasSize(2);
    }
}
