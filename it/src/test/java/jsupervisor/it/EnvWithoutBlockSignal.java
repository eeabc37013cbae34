package jsupervisor.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An {@code env} that refuses {@code --block-signal}, as coreutils before 8.31 and busybox do, first on PATH:
 * bin/supervisord and bin/pidproxy then fall back to re-executing their JVM with the signals blocked.
 */
public final class EnvWithoutBlockSignal {
    private EnvWithoutBlockSignal() {}

    /** Writes the stand-in {@code env} under {@code dir} and returns the environment entry that puts it first. */
    public static Map<String, String> path(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("oldbin"));
        Path env = bin.resolve("env");
        Files.writeString(env, """
                #!/bin/sh
                case "$1" in --block-signal*) echo "env: unrecognized option '$1'" >&2; exit 125 ;; esac
                exec /usr/bin/env "$@"
                """);
        if (!env.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + env + " executable");
        }
        return Map.of("PATH", bin + ":" + System.getenv("PATH"));
    }
}
