package jsupervisor.daemon.config;

import java.util.Map;

/**
 * The {@code [supervisord]} section after command-line overrides (command line > config file > default).
 * Paths are as Supervisor keeps them: {@code logfile} and {@code pidfile} absolute and normalised
 * ({@code logfile} may be the literal {@code syslog}), the directories {@code ~}-expanded. Immutable.
 *
 * @param user      {@code user=} as written, or null; {@code uid} its resolution, or null
 * @param directory where to chdir when daemonizing, or null
 * @param environment added to every child's environment (a program's own entries win)
 */
public record SupervisordConfig(
        String logfile,
        long logfileMaxbytes,
        int logfileBackups,
        LoggingLevel loglevel,
        String pidfile,
        int umask,
        boolean nodaemon,
        boolean silent,
        long minfds,
        long minprocs,
        boolean nocleanup,
        String childlogdir,
        String user,
        Integer uid,
        String directory,
        boolean stripAnsi,
        Map<String, String> environment,
        String identifier) {

    public SupervisordConfig {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
