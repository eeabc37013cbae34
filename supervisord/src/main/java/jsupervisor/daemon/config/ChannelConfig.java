package jsupervisor.daemon.config;

/**
 * One output channel (stdout or stderr) of a program: the {@code <channel>_*} options.
 *
 * @param logfile         {@code <channel>_logfile}: AUTO, NONE or a file (never SYSLOG after loading)
 * @param logfileMaxbytes {@code <channel>_logfile_maxbytes}; 0 turns rotation off
 * @param logfileBackups  {@code <channel>_logfile_backups}
 * @param captureMaxbytes {@code <channel>_capture_maxbytes}; above 0 turns on capture mode
 * @param eventsEnabled   {@code <channel>_events_enabled}
 * @param syslog          {@code <channel>_syslog}
 */
public record ChannelConfig(LogTarget logfile, long logfileMaxbytes, int logfileBackups, long captureMaxbytes,
                            boolean eventsEnabled, boolean syslog) {
    public ChannelConfig {
        if (logfile.kind() == LogTarget.Kind.SYSLOG) {
            throw new IllegalArgumentException("syslog is a parse-time spelling, not a log target");
        }
    }
}
