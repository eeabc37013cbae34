package jsupervisor.daemon.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.daemon.config.Datatypes;
import jsupervisor.daemon.config.InvalidValueException;
import jsupervisor.daemon.config.LoggingLevel;
import jsupervisor.daemon.config.OsDatatypes;

/**
 * Parses supervisord's command line with Supervisor's rules and messages: getopt errors, positional arguments
 * refused, each value validated by its option's datatype ({@code invalid value for -e 'bogus': ...}), an option
 * given twice refused ({@code conflicting command line option '-n'}), and {@code -h}/{@code -v} acting when they
 * are reached in order. Stateless apart from the injected OS lookups.
 */
public final class DaemonCommandLine {
    /** What the command line asks for. */
    public sealed interface Outcome permits Run, Help, Version {}

    /** Start the daemon with these options. */
    public record Run(DaemonOptions options) implements Outcome {}

    /** Print the help text. */
    public record Help() implements Outcome {}

    /** Print the version. */
    public record Version() implements Outcome {}

    /** A usage error: print {@code Error: <message>} and the help hint, exit 2. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message, null, false, false);
        }
    }

    static final String SHORT_OPTS = "h?c:vnu:m:d:l:y:z:e:j:i:q:a:kts";
    static final List<String> LONG_OPTS = List.of("help", "configuration=", "version", "nodaemon", "user=",
            "umask=", "directory=", "logfile=", "logfile_maxbytes=", "logfile_backups=", "loglevel=", "pidfile=",
            "identifier=", "childlogdir=", "minfds=", "minprocs=", "nocleanup", "strip_ansi", "profile_options=",
            "silent");

    private final OsDatatypes os;

    public DaemonCommandLine(OsDatatypes os) {
        this.os = os;
    }

    public Outcome parse(List<String> args) throws UsageException {
        GetOpt.Result r;
        try {
            r = GetOpt.parse(args, SHORT_OPTS, LONG_OPTS);
        } catch (GetOpt.GetOptException e) {
            throw new UsageException(e.getMessage());
        }
        if (!r.arguments().isEmpty()) {
            throw new UsageException("positional arguments are not supported: " + GetOpt.reprList(r.arguments()));
        }
        Map<String, Object> set = new HashMap<>();
        for (GetOpt.Opt opt : r.options()) {
            String key = canonical(opt.name());
            switch (key) {
                case "help" -> {
                    return new Help();
                }
                case "version" -> {
                    return new Version();
                }
                default -> {
                    Object value = convert(key, opt);
                    if (set.containsKey(key)) {
                        throw new UsageException("conflicting command line option " + PythonRepr.of(opt.name()));
                    }
                    set.put(key, value);
                }
            }
        }
        return new Run(new DaemonOptions((String) set.get("configuration"), (Boolean) set.get("nodaemon"),
                (Boolean) set.get("silent"), (String) set.get("user"), (Integer) set.get("umask"),
                (String) set.get("directory"), (String) set.get("logfile"), (Long) set.get("logfile_maxbytes"),
                (Integer) set.get("logfile_backups"), (LoggingLevel) set.get("loglevel"),
                (String) set.get("pidfile"), (String) set.get("identifier"), (String) set.get("childlogdir"),
                (Boolean) set.get("nocleanup"), (Long) set.get("minfds"), (Long) set.get("minprocs"),
                (Boolean) set.get("strip_ansi"), (String) set.get("profile_options")));
    }

    private static String canonical(String name) {
        return switch (name) {
            case "-h", "-?", "--help" -> "help";
            case "-v", "--version" -> "version";
            case "-c", "--configuration" -> "configuration";
            case "-n", "--nodaemon" -> "nodaemon";
            case "-s", "--silent" -> "silent";
            case "-u", "--user" -> "user";
            case "-m", "--umask" -> "umask";
            case "-d", "--directory" -> "directory";
            case "-l", "--logfile" -> "logfile";
            case "-y", "--logfile_maxbytes" -> "logfile_maxbytes";
            case "-z", "--logfile_backups" -> "logfile_backups";
            case "-e", "--loglevel" -> "loglevel";
            case "-j", "--pidfile" -> "pidfile";
            case "-i", "--identifier" -> "identifier";
            case "-q", "--childlogdir" -> "childlogdir";
            case "-k", "--nocleanup" -> "nocleanup";
            case "-a", "--minfds" -> "minfds";
            case "-t", "--strip_ansi" -> "strip_ansi";
            default -> name.substring(2);
        };
    }

    private Object convert(String key, GetOpt.Opt opt) throws UsageException {
        String v = opt.value();
        try {
            return switch (key) {
                case "nodaemon", "silent", "nocleanup", "strip_ansi" -> Boolean.TRUE;
                case "umask" -> Datatypes.octal(v);
                case "directory", "childlogdir" -> os.existingDirectory(v);
                case "logfile", "pidfile" -> os.existingDirpath(v);
                case "logfile_maxbytes" -> Datatypes.byteSize(v);
                case "logfile_backups" -> Datatypes.int32(v);
                case "loglevel" -> Datatypes.loggingLevel(v);
                case "minfds", "minprocs" -> Datatypes.integer(v);
                default -> v;
            };
        } catch (InvalidValueException e) {
            throw new UsageException("invalid value for " + opt.name() + " " + PythonRepr.of(v) + ": "
                    + e.getMessage());
        }
    }
}
