package jsupervisor.it.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference half of the differential corpus: every valid case loads in the reference
 * Supervisor, dumps JSON with exactly the documented schema, and meets its {@code .expect}
 * pins. This keeps {@code dump_reference.py} and the corpus honest while ours is being written.
 */
class ReferenceConfigDumpIT {
    static final List<String> SUPERVISORD_KEYS = List.of("logfile", "logfile_maxbytes", "logfile_backups",
            "loglevel", "pidfile", "umask", "nodaemon", "silent", "minfds", "minprocs", "nocleanup",
            "childlogdir", "user", "directory", "strip_ansi", "environment", "identifier");
    static final List<String> PROCESS_KEYS = List.of("name", "command", "directory", "umask", "priority",
            "autostart", "autorestart", "startsecs", "startretries", "uid",
            "stdout_logfile", "stdout_capture_maxbytes", "stdout_events_enabled", "stdout_logfile_backups",
            "stdout_logfile_maxbytes", "stdout_syslog",
            "stderr_logfile", "stderr_capture_maxbytes", "stderr_events_enabled", "stderr_logfile_backups",
            "stderr_logfile_maxbytes", "stderr_syslog",
            "stopsignal", "stopwaitsecs", "stopasgroup", "killasgroup", "exitcodes", "redirect_stderr",
            "environment", "serverurl");

    static Stream<ConfigCase> cases() {
        return ConfigCase.all("valid").stream();
    }

    @Test
    void corpusIsLargeEnough() {
        assertThat(ConfigCase.all("valid")).hasSizeGreaterThanOrEqualTo(22);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void referenceLoadsCaseWithDocumentedSchemaAndPinnedValues(ConfigCase c, @TempDir Path tmp) throws Exception {
        assumeTrue(ReferenceConfigDump.available(), "reference supervisord 4.2.5 is not installed");
        Path dir = tmp.resolve("case");
        Map<String, Object> dump = ReferenceConfigDump.dump(c.materialize(dir));

        assertThat(dump).containsOnlyKeys("supervisord", "servers", "groups");
        assertThat(asMap(dump.get("supervisord"))).containsOnlyKeys(SUPERVISORD_KEYS);
        for (Object server : asList(dump.get("servers"))) {
            Map<String, Object> s = asMap(server);
            if ("unix".equals(s.get("family"))) {
                assertThat(s).containsOnlyKeys("section", "family", "file", "chmod", "chown", "username", "password");
            } else {
                assertThat(s).containsOnlyKeys("section", "family", "host", "port", "username", "password");
            }
        }
        for (Object group : asList(dump.get("groups"))) {
            Map<String, Object> g = asMap(group);
            switch ((String) g.get("type")) {
                case "eventlistener" -> assertThat(g).containsOnlyKeys("name", "priority", "type", "buffer_size",
                        "events", "result_handler", "processes");
                case "fcgi-program" -> assertThat(g).containsOnlyKeys("name", "priority", "type", "socket",
                        "processes");
                case "program", "group" -> assertThat(g).containsOnlyKeys("name", "priority", "type", "processes");
                default -> throw new AssertionError("unknown group type in " + g);
            }
            for (Object p : asList(g.get("processes"))) {
                assertThat(asMap(p)).containsOnlyKeys(PROCESS_KEYS);
            }
        }
        assertThat(ValidCaseExpectations.of(c, dir).unmet(dump)).as("%s.expect", c).isEmpty();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    static List<?> asList(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<?>) o;
    }
}
