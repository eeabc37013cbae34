package jsupervisor.daemon.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The facts about this host and process that the configuration needs, read from {@code /proc} and the
 * environment so that loading a config needs no native calls: the node name, our uid, and Python's choice of
 * temporary directory (the default {@code childlogdir}). Immutable.
 */
public record HostFacts(String nodeName, int uid, String tempDir) {

    /** Reads the facts of the running process. */
    public static HostFacts current(Map<String, String> env, Path cwd) {
        return new HostFacts(nodeName(env), readUid(), tempDir(env, cwd));
    }

    private static String nodeName(Map<String, String> env) {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return env.getOrDefault("HOSTNAME", "localhost");
        }
    }

    private static int readUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through: treat as unprivileged
        }
        return -1;
    }

    /** {@code tempfile.gettempdir()}: TMPDIR, TEMP, TMP, then /tmp, /var/tmp, /usr/tmp, then the CWD. */
    private static String tempDir(Map<String, String> env, Path cwd) {
        for (String var : List.of("TMPDIR", "TEMP", "TMP")) {
            String v = env.get(var);
            if (v != null && !v.isEmpty() && Files.isDirectory(Path.of(v)) && Files.isWritable(Path.of(v))) {
                return Path.of(v).toAbsolutePath().normalize().toString();
            }
        }
        for (String d : List.of("/tmp", "/var/tmp", "/usr/tmp")) {
            if (Files.isDirectory(Path.of(d)) && Files.isWritable(Path.of(d))) {
                return d;
            }
        }
        return cwd.toString();
    }
}
