package jsupervisor.it.extras;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * bin/echo_supervisord_conf prints the bundled sample byte for byte (REFERENCE §11.2), the sample loads
 * in the reference Supervisor, and it documents every section and option of REFERENCE §1.5.
 */
class EchoSupervisordConfIT {
    /** Every option of REFERENCE §1.5 that a [program:x] section takes. */
    private static final List<String> PROGRAM_OPTIONS = List.of(
            "command", "process_name", "numprocs", "numprocs_start", "priority", "autostart", "autorestart",
            "startsecs", "startretries", "exitcodes", "stopsignal", "stopwaitsecs", "stopasgroup", "killasgroup",
            "user", "directory", "umask", "redirect_stderr",
            "stdout_logfile", "stdout_logfile_maxbytes", "stdout_logfile_backups", "stdout_capture_maxbytes",
            "stdout_events_enabled", "stdout_syslog",
            "stderr_logfile", "stderr_logfile_maxbytes", "stderr_logfile_backups", "stderr_capture_maxbytes",
            "stderr_events_enabled", "stderr_syslog",
            "environment", "serverurl");

    private static final Map<String, List<String>> OPTIONS_BY_SECTION = sectionsOfReference();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"", "-c /nonexistent.conf", "--help", "-h extra words"})
    void printsTheBundledSampleByteForByteWhateverTheArguments(String arguments) throws IOException {
        BoundedRun run = echo(arguments);

        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.stdout()).isEqualTo(bundledSample());
    }

    @Test
    void outputLoadsCleanlyInTheReferenceSupervisor() throws IOException {
        ReferenceSupervisor.assumeInstalled();
        Path conf = tmp.resolve("supervisord.conf");
        Files.write(conf, echo("").stdout());

        // Every [program]-like section is commented out, so the sample configures no process.
        assertThat(ReferenceSupervisor.load(conf, tmp)).isEmpty();
    }

    /** A write that fails is an error (exit 1), as Python's is, not silence and exit 0. */
    @Test
    void aFullDiskIsAnError() {
        BoundedRun run = BoundedRun.run(tmp, Duration.ofSeconds(30), List.of("/bin/sh", "-c",
                "exec '" + Checkout.launcher("echo_supervisord_conf") + "' > /dev/full"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr()).contains("No space left on device");
    }

    @Test
    void documentsEverySectionAndOptionWithinItsOwnSection() {
        Map<String, Set<String>> documented = optionsPerSection(echo("").stdoutText());

        OPTIONS_BY_SECTION.forEach((section, options) -> {
            assertThat(documented).as("sections in the sample").containsKey(section);
            assertThat(documented.get(section)).as("options shown in [%s]", section).containsAll(options);
        });
        assertThat(documented.keySet()).anyMatch(s -> s.startsWith("ctlplugin:"));
        assertThat(documented.keySet()).anyMatch(s -> s.startsWith("rpcinterface:"));
    }

    @Test
    void keepsTheActiveSettingsOfSupervisorsSample() {
        String text = echo("").stdoutText();

        assertThat(activeLines(text)).containsExactly(
                "[unix_http_server]", "file=/tmp/supervisor.sock",
                "[supervisord]", "logfile=/tmp/supervisord.log", "logfile_maxbytes=50MB", "logfile_backups=10",
                "loglevel=info", "pidfile=/tmp/supervisord.pid", "nodaemon=false", "silent=false",
                "minfds=1024", "minprocs=200",
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "[supervisorctl]", "serverurl=unix:///tmp/supervisor.sock");
    }

    @Test
    void explainsQuotingExpansionCommentsAndSecurity() {
        String text = echo("").stdoutText();

        assertThat(text).contains("%(ENV_HOME)s", "%(here)s", "%%", "environment=", "KEY=\"value\"");
        assertThat(text).contains("\"a=b ;note\"", "\"a=b;note\"");
        assertThat(text).contains("shared host", "set a username and password");
    }

    private BoundedRun echo(String arguments) {
        List<String> command = new ArrayList<>();
        command.add(Checkout.launcher("echo_supervisord_conf").toString());
        if (!arguments.isEmpty()) {
            command.addAll(List.of(arguments.split(" ")));
        }
        return BoundedRun.run(tmp, Duration.ofSeconds(30), command);
    }

    private static byte[] bundledSample() throws IOException {
        try (InputStream in = EchoSupervisordConfIT.class.getResourceAsStream("/jsupervisor/daemon/sample.conf")) {
            assertThat(in).as("sample.conf on the class path (supervisord.jar)").isNotNull();
            return in.readAllBytes();
        }
    }

    /** Section name (commented or not) to the option names written under it, commented or not. */
    static Map<String, Set<String>> optionsPerSection(String text) {
        Pattern header = Pattern.compile("^;?\\[([^\\]]+)\\].*");
        Pattern option = Pattern.compile("^;?([a-z_.]+)\\s*=.*");
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        Set<String> current = null;
        for (String line : text.lines().toList()) {
            Matcher h = header.matcher(line);
            Matcher o = option.matcher(line);
            if (h.matches()) {
                current = new java.util.HashSet<>();
                sections.put(h.group(1), current);
            } else if (o.matches() && current != null) {
                current.add(o.group(1));
            }
        }
        return sections;
    }

    private static List<String> activeLines(String text) {
        return text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith(";") && !line.startsWith("#"))
                .map(line -> line.replaceFirst("\\s+;.*$", ""))
                .toList();
    }

    /** REFERENCE §1.5, section by section, as written in the sample (x = the sample's example names). */
    private static Map<String, List<String>> sectionsOfReference() {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("unix_http_server", List.of("file", "chmod", "chown", "username", "password"));
        sections.put("inet_http_server", List.of("port", "username", "password"));
        sections.put("supervisord", List.of("logfile", "logfile_maxbytes", "logfile_backups", "loglevel", "pidfile",
                "umask", "nodaemon", "silent", "minfds", "minprocs", "nocleanup", "childlogdir", "user",
                "directory", "strip_ansi", "environment", "identifier"));
        sections.put("supervisorctl", List.of("serverurl", "username", "password", "prompt", "history_file"));
        sections.put("program:theprogramname", PROGRAM_OPTIONS);
        sections.put("eventlistener:theeventlistenername", concat(PROGRAM_OPTIONS,
                List.of("events", "buffer_size", "result_handler")));
        sections.put("fcgi-program:thefcgiprogramname", concat(PROGRAM_OPTIONS,
                List.of("socket", "socket_backlog", "socket_owner", "socket_mode")));
        sections.put("group:thegroupname", List.of("programs", "priority"));
        sections.put("include", List.of("files"));
        sections.put("rpcinterface:supervisor", List.of("supervisor.rpcinterface_factory"));
        sections.put("ctlplugin:myplugin", List.of("supervisor.ctl_factory"));
        return sections;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
