package jsupervisor.daemon.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.process.testing.ProcessConfigBuilder;

class ChildEnvironmentTest {
    private final Map<String, String> daemonEnv = new LinkedHashMap<>();

    {
        daemonEnv.put("HOME", "/root");
        daemonEnv.put("PATH", "/usr/bin:/bin");
    }

    @Test
    void supervisorVariablesFollowTheDaemonEnvironmentInOrder() {
        Map<String, String> env = new ChildEnvironment(daemonEnv, "unix:///tmp/sv.sock")
                .build(ProcessConfigBuilder.program("envdump").build(), "envdump");
        assertThat(env).containsExactly(
                entry("HOME", "/root"), entry("PATH", "/usr/bin:/bin"), entry("SUPERVISOR_ENABLED", "1"),
                entry("SUPERVISOR_SERVER_URL", "unix:///tmp/sv.sock"), entry("SUPERVISOR_PROCESS_NAME", "envdump"),
                entry("SUPERVISOR_GROUP_NAME", "envdump"));
    }

    @Test
    void noServerMeansNoServerUrl() {
        Map<String, String> env = new ChildEnvironment(daemonEnv, null)
                .build(ProcessConfigBuilder.program("a").build(), "g");
        assertThat(env).doesNotContainKey("SUPERVISOR_SERVER_URL").containsEntry("SUPERVISOR_GROUP_NAME", "g");
    }

    @Test
    void programServerurlWinsOverTheComputedOne() {
        Map<String, String> env = new ChildEnvironment(daemonEnv, "unix:///tmp/sv.sock")
                .build(ProcessConfigBuilder.program("a").serverurl("http://127.0.0.1:9001").build(), "g");
        assertThat(env).containsEntry("SUPERVISOR_SERVER_URL", "http://127.0.0.1:9001");
    }

    @Test
    void programEnvironmentOverridesEverythingAndKeepsPositions() {
        Map<String, String> env = new ChildEnvironment(daemonEnv, "unix:///s")
                .build(ProcessConfigBuilder.program("a").env("PATH", "/opt/bin").env("SUPERVISOR_ENABLED", "0")
                        .env("EXTRA", "x").env("SUPERVISOR_PROCESS_NAME", "renamed").build(), "g");
        assertThat(env).containsExactly(
                entry("HOME", "/root"), entry("PATH", "/opt/bin"), entry("SUPERVISOR_ENABLED", "0"),
                entry("SUPERVISOR_SERVER_URL", "unix:///s"), entry("SUPERVISOR_PROCESS_NAME", "renamed"),
                entry("SUPERVISOR_GROUP_NAME", "g"), entry("EXTRA", "x"));
    }

    @Test
    void daemonEnvironmentIsCopiedAtConstruction() {
        ChildEnvironment ce = new ChildEnvironment(daemonEnv, null);
        daemonEnv.put("LATE", "1");
        assertThat(ce.build(ProcessConfigBuilder.program("a").build(), "a")).doesNotContainKey("LATE");
    }
}
