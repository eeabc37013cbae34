package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jsupervisor.common.ini.PythonRepr;

/**
 * Turns one program-type section ({@code [program:x]}, {@code [eventlistener:x]}, {@code [fcgi-program:x]}) into
 * its process configs, one per {@code process_num}. Follows {@code ServerOptions._processes_from_section} in
 * what is read, in which order (the first bad value is the one reported) and with which expansion names:
 * the options read before the per-process loop cannot use {@code process_num}, and {@code command},
 * {@code directory} and the log options also see the program's own {@code environment=} as {@code ENV_*}.
 * Confined to one load.
 */
final class ProgramSectionReader {
    private final OptionSource src;
    private final OsDatatypes os;
    private final String hostNodeName;
    private final String here;
    private final Consumer<String> warnings;

    ProgramSectionReader(OptionSource src, OsDatatypes os, String hostNodeName, String here,
                         Consumer<String> warnings) {
        this.src = src;
        this.os = os;
        this.hostNodeName = hostNodeName;
        this.here = here;
        this.warnings = warnings;
    }

    /**
     * The processes of {@code section} in group {@code groupName}, sorted by priority (then name); errors get
     * Supervisor's {@code in section '<s>' (file: '<f>')} suffix.
     */
    List<ProcessConfig> read(String section, String groupName) throws ConfigException {
        try {
            return readUnsuffixed(section, groupName);
        } catch (ConfigException e) {
            throw e.withMessage(e.getMessage() + " in section " + PythonRepr.of(section) + " (file: "
                    + PythonRepr.of(src.fileOfSection(section)) + ")");
        }
    }

    private List<ProcessConfig> readUnsuffixed(String s, String groupName) throws ConfigException {
        String programName = src.convert(s, null, s.substring(s.indexOf(':') + 1), Datatypes::processOrGroupName);
        Map<String, Object> common = new HashMap<>();
        common.put("here", here);
        common.put("program_name", programName);
        common.put("host_node_name", hostNodeName);
        common.put("group_name", groupName);

        int priority = src.read(s, "priority", "999", common, Datatypes::int32);
        boolean autostart = src.read(s, "autostart", "true", common, Datatypes::bool);
        AutoRestart autorestart = src.read(s, "autorestart", "unexpected", common, Datatypes::autoRestart);
        int startsecs = src.read(s, "startsecs", "1", common, Datatypes::int32);
        int startretries = src.read(s, "startretries", "3", common, Datatypes::int32);
        int stopsignal = src.read(s, "stopsignal", "TERM", common, Datatypes::signalNumber);
        int stopwaitsecs = src.read(s, "stopwaitsecs", "10", common, Datatypes::int32);
        boolean stopasgroup = src.read(s, "stopasgroup", "false", common, Datatypes::bool);
        boolean killasgroup = src.read(s, "killasgroup", Boolean.toString(stopasgroup), common, Datatypes::bool);
        List<Integer> exitcodes = src.read(s, "exitcodes", "0", common, Datatypes::exitCodes);
        boolean redirectStderr = src.read(s, "redirect_stderr", "false", common, Datatypes::bool);
        int numprocs = src.read(s, "numprocs", "1", common, Datatypes::int32);
        int numprocsStart = src.read(s, "numprocs_start", "0", common, Datatypes::int32);
        String environmentRaw = src.raw(s, "environment", "");
        long stdoutCapture = src.read(s, "stdout_capture_maxbytes", "0", common, Datatypes::byteSize);
        boolean stdoutEvents = src.read(s, "stdout_events_enabled", "false", common, Datatypes::bool);
        long stderrCapture = src.read(s, "stderr_capture_maxbytes", "0", common, Datatypes::byteSize);
        boolean stderrEvents = src.read(s, "stderr_events_enabled", "false", common, Datatypes::bool);
        String serverurl = src.get(s, "serverurl", null, common);
        if (serverurl != null && serverurl.strip().equalsIgnoreCase("AUTO")) {
            serverurl = null;
        }
        String user = src.get(s, "user", null, common);
        Integer uid = user == null ? null : src.convert(s, "user", user, os::nameToUid);
        String umaskText = src.get(s, "umask", null, common);
        Integer umask = umaskText == null ? null : src.convert(s, "umask", umaskText, Datatypes::octal);
        String processName = src.convert(s, "process_name", src.raw(s, "process_name", "%(program_name)s"),
                Datatypes::processOrGroupName);
        if (numprocs > 1 && !processName.contains("%(process_num)")) {
            throw src.error(s, src.has(s, "process_name") ? "process_name" : "numprocs",
                    "%(process_num) must be present within process_name when numprocs > 1");
        }
        if (stopasgroup && !killasgroup) {
            throw src.error(s, "killasgroup", "Cannot set stopasgroup=true and killasgroup=false");
        }

        Shared shared = new Shared(priority, autostart, autorestart, startsecs, startretries, uid, user, umask,
                stopsignal, stopwaitsecs, stopasgroup, killasgroup, exitcodes, redirectStderr, serverurl,
                stdoutCapture, stdoutEvents, stderrCapture, stderrEvents);
        List<ProcessConfig> processes = new ArrayList<>();
        // Supervisor keeps adding to one dict across iterations; reproduce that by sharing `common`
        for (int num = numprocsStart; num < numprocsStart + numprocs; num++) {
            common.put("process_num", (long) num);
            common.put("numprocs", (long) numprocs);
            if (num != numprocsStart) {
                // puts back the ENV_ names the previous process's environment= overrode; the first process
                // needs no copy, since every lookup falls through to the same names (LayeredNames)
                common.putAll(src.environExpansions());
            }
            processes.add(readProcess(s, processName, environmentRaw, common, shared));
        }
        processes.sort(PriorityOrdered::byPriorityThenName);
        return processes;
    }

    /** The values read once per section, before the per-process loop. */
    private record Shared(int priority, boolean autostart, AutoRestart autorestart, int startsecs, int startretries,
                          Integer uid, String user, Integer umask, int stopsignal, int stopwaitsecs,
                          boolean stopasgroup, boolean killasgroup, List<Integer> exitcodes,
                          boolean redirectStderr, String serverurl, long stdoutCapture, boolean stdoutEvents,
                          long stderrCapture, boolean stderrEvents) {}

    private ProcessConfig readProcess(String s, String processName, String environmentRaw,
                                      Map<String, Object> expansions, Shared sh) throws ConfigException {
        String envText = src.expand(s, "environment", environmentRaw, expansions, "environment");
        Map<String, String> environment = src.convert(s, "environment", envText, KeyValuePairs::parse);
        for (Map.Entry<String, String> e : environment.entrySet()) {
            expansions.put("ENV_" + e.getKey(), e.getValue());
        }
        String directory = src.get(s, "directory", null, expansions);
        ChannelConfig stdout = channel(s, "stdout", expansions, sh.stdoutCapture(), sh.stdoutEvents());
        ChannelConfig stderr = channel(s, "stderr", expansions, sh.stderrCapture(), sh.stderrEvents());
        if (sh.redirectStderr()) {
            if (stderr.logfile().kind() == LogTarget.Kind.FILE) {
                warnings.accept("For [" + s + "], redirect_stderr=true but stderr_logfile has also been set to a "
                        + "filename, the filename has been ignored");
            }
            stderr = new ChannelConfig(LogTarget.NONE, stderr.logfileMaxbytes(), stderr.logfileBackups(),
                    stderr.captureMaxbytes(), stderr.eventsEnabled(), stderr.syslog());
        }
        String command = src.get(s, "command", null, expansions);
        if (command == null) {
            throw src.sectionError(s, "program section " + s + " does not specify a command");
        }
        String name = src.expand(s, "process_name", processName, expansions, "process_name");
        return new ProcessConfig(name, command, directory, sh.umask(), sh.priority(), sh.autostart(),
                sh.autorestart(), sh.startsecs(), sh.startretries(), sh.uid(), sh.user(), stdout, stderr,
                sh.stopsignal(), sh.stopwaitsecs(), sh.stopasgroup(), sh.killasgroup(), sh.exitcodes(),
                sh.redirectStderr(), new LinkedHashMap<>(environment), sh.serverurl());
    }

    private ChannelConfig channel(String s, String k, Map<String, Object> expansions, long capture, boolean events)
            throws ConfigException {
        String lfKey = k + "_logfile";
        String once = src.get(s, lfKey, "AUTO", expansions);
        // the logfile value is expanded a second time under its bare option name (Supervisor quirk: %%%% for %)
        String twice = src.has(s, lfKey) ? src.expand(s, lfKey, once, expansions, lfKey) : once;
        LogTarget target = src.convert(s, lfKey, twice, os::logfileName);
        int backups = src.read(s, k + "_logfile_backups", "10", expansions, Datatypes::int32);
        long maxbytes = src.read(s, k + "_logfile_maxbytes", "50MB", expansions, Datatypes::byteSize);
        String syKey = k + "_syslog";
        boolean syslog = src.read(s, syKey, "false", expansions, Datatypes::bool);
        if (target.kind() == LogTarget.Kind.SYSLOG) {
            warnings.accept("For [" + s + "], " + lfKey + "=syslog but this is deprecated and will be removed.  Use "
                    + syKey + "=true to enable syslog instead.");
            target = LogTarget.NONE;
            syslog = true;
        }
        if (target.kind() == LogTarget.Kind.AUTO && maxbytes == 0) {
            warnings.accept("For [" + s + "], AUTO logging used for " + lfKey + " without rollover, set maxbytes > 0 "
                    + "to avoid filling up filesystem unintentionally");
        }
        return new ChannelConfig(target, maxbytes, backups, capture, events, syslog);
    }
}
