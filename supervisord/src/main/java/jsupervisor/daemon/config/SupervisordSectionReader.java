package jsupervisor.daemon.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code [supervisord]} in Supervisor's order ({@code ServerOptions.read_config}), so the first bad value
 * is the one reported, and extends the shared {@code ENV_*} expansions with its {@code environment=}.
 * The result is the file's view; command-line overrides are applied by {@link ConfigLoader}. Confined to one load.
 */
final class SupervisordSectionReader {
    static final String SECTION = "supervisord";

    /** The section's values before command-line overrides and path normalisation. */
    record Values(long minfds, long minprocs, String directory, String user, int umask, String logfile,
                  long logfileMaxbytes, int logfileBackups, LoggingLevel loglevel, String pidfile, String identifier,
                  boolean nodaemon, boolean silent, String childlogdir, boolean nocleanup, boolean stripAnsi,
                  Map<String, String> environment) {}

    private final OptionSource src;
    private final OsDatatypes os;
    private final String here;
    private final String hostNodeName;
    private final String tempDir;

    SupervisordSectionReader(OptionSource src, OsDatatypes os, String here, String hostNodeName, String tempDir) {
        this.src = src;
        this.os = os;
        this.here = here;
        this.hostNodeName = hostNodeName;
        this.tempDir = tempDir;
    }

    Values read() throws ConfigException {
        String s = SECTION;
        Map<String, Object> h = Map.of("here", here);
        long minfds = src.read(s, "minfds", "1024", h, Datatypes::integer);
        long minprocs = src.read(s, "minprocs", "200", h, Datatypes::integer);
        String directoryText = src.get(s, "directory", null, h);
        String directory = directoryText == null ? null
                : src.convert(s, "directory", directoryText, os::existingDirectory);
        String user = src.get(s, "user", null, h);
        int umask = src.read(s, "umask", "022", h, Datatypes::octal);
        String logfile = src.read(s, "logfile", "supervisord.log", h, os::existingDirpath);
        long logfileMaxbytes = src.read(s, "logfile_maxbytes", "50MB", h, Datatypes::byteSize);
        int logfileBackups = src.read(s, "logfile_backups", "10", h, Datatypes::int32);
        LoggingLevel loglevel = src.read(s, "loglevel", "info", h, Datatypes::loggingLevel);
        String pidfile = src.read(s, "pidfile", "supervisord.pid", h, os::existingDirpath);
        String identifier = src.get(s, "identifier", "supervisor", h);
        boolean nodaemon = src.read(s, "nodaemon", "false", h, Datatypes::bool);
        boolean silent = src.read(s, "silent", "false", h, Datatypes::bool);
        String childlogdir = src.read(s, "childlogdir", tempDir, h, os::existingDirectory);
        boolean nocleanup = src.read(s, "nocleanup", "false", h, Datatypes::bool);
        boolean stripAnsi = src.read(s, "strip_ansi", "false", h, Datatypes::bool);
        // expanded twice: first as [supervisord] environment, then with host_node_name too (Supervisor quirk)
        String once = src.get(s, "environment", "", h);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("here", here);
        second.put("host_node_name", hostNodeName);
        String twice = src.expand(s, "environment", once, second, "environment");
        Map<String, String> environment = src.convert(s, "environment", twice, KeyValuePairs::parse);
        for (Map.Entry<String, String> e : environment.entrySet()) {
            src.environExpansions().put("ENV_" + e.getKey(), e.getValue());
        }
        return new Values(minfds, minprocs, directory, user, umask, logfile, logfileMaxbytes, logfileBackups,
                loglevel, pidfile, identifier, nodaemon, silent, childlogdir, nocleanup, stripAnsi, environment);
    }
}
