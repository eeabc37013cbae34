package jsupervisor.daemon.lifecycle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * supervisord's pidfile: written as {@code "<pid>\n"} once the daemon runs, unlinked at exit and at every
 * reload. A failed write is reported (Supervisor logs {@code CRIT could not write pidfile <path>}) and the file
 * is then never unlinked, so a stale file of another daemon is not removed by us. Loop-confined.
 */
public final class PidFile {
    private final Path path;
    private boolean written;

    public PidFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** Writes the pid; false (and nothing to unlink later) when the file cannot be written. */
    public boolean write(long pid) {
        try {
            Files.writeString(path, pid + "\n", StandardCharsets.US_ASCII);
            written = true;
        } catch (IOException e) {
            written = false;
        }
        return written;
    }

    /** Removes the file if we wrote it. */
    public void unlink() {
        if (written) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // nothing useful to do at exit; Supervisor ignores this too
            }
            written = false;
        }
    }
}
