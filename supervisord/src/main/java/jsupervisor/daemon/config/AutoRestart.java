package jsupervisor.daemon.config;

/** A program's {@code autorestart} setting. */
public enum AutoRestart {
    /** Never restart after an exit. */
    FALSE,
    /** Restart when the exit code is not in {@code exitcodes} (the default). */
    UNEXPECTED,
    /** Always restart. */
    TRUE
}
