package jsupervisor.daemon.cli;

import jsupervisor.daemon.config.LoggingLevel;

/**
 * What supervisord's command line set; every field is null when the option was not given, so that the config
 * file or the built-in default applies (command line > config file > default). Immutable.
 */
public record DaemonOptions(
        String configFile,
        Boolean nodaemon,
        Boolean silent,
        String user,
        Integer umask,
        String directory,
        String logfile,
        Long logfileMaxbytes,
        Integer logfileBackups,
        LoggingLevel loglevel,
        String pidfile,
        String identifier,
        String childlogdir,
        Boolean nocleanup,
        Long minfds,
        Long minprocs,
        Boolean stripAnsi,
        String profileOptions) {

    /** No option given. */
    public static DaemonOptions none() {
        return new DaemonOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
