package jsupervisor.daemon.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The AUTO child log files in {@code childlogdir}: named
 * {@code <process>-<stdout|stderr>---<identifier>-<8 random chars>.log} and created with mode 0600 (Python's
 * {@code mkstemp}), and removed at start-up and on every reload unless {@code nocleanup} by the regex
 * {@code .+?---<identifier>-\S+\.log\.{0,1}\d{0,4}} matched at the start of each name, which also catches
 * rotated backups. Loop-confined.
 */
public final class AutoChildLogs {
    private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private static final int MAX_TRIES = 100;

    private final Path childlogdir;
    private final String identifier;
    /** Made at the first AUTO log, not at start-up; see {@link #random()}. */
    private SplittableRandom random;

    public AutoChildLogs(Path childlogdir, String identifier) {
        this.childlogdir = childlogdir;
        this.identifier = identifier;
    }

    /** Creates a new, empty, 0600 log file for one channel of one process and returns its path. */
    public Path create(String processName, String channel) throws IOException {
        String prefix = processName + "-" + channel + "---" + identifier + "-";
        for (int i = 0; i < MAX_TRIES; i++) {
            Path candidate = childlogdir.resolve(prefix + randomName() + ".log");
            try {
                return Files.createFile(candidate,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                // another name, as mkstemp would try
            }
        }
        throw new IOException("could not create a unique AUTO log name in " + childlogdir);
    }

    /**
     * Deletes the AUTO logs of this identifier. Returns the warning lines Supervisor logs on failure
     * ({@code Could not clear childlog dir}, {@code Failed to clean up '<path>'}).
     */
    public List<String> clean() {
        // the identifier is quoted: Supervisor pastes it into the regex raw, which only matters for odd identifiers
        Pattern pattern = Pattern.compile(".+?---" + Pattern.quote(identifier) + "-\\S+\\.log\\.?\\d{0,4}");
        List<String> warnings = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(childlogdir)) {
            for (Path entry : entries) {
                if (pattern.matcher(entry.getFileName().toString()).lookingAt()) {
                    try {
                        Files.deleteIfExists(entry);
                    } catch (IOException e) {
                        warnings.add("Failed to clean up " + jsupervisor.common.ini.PythonRepr.of(entry.toString()));
                    }
                }
            }
        } catch (IOException e) {
            warnings.add("Could not clear childlog dir");
        }
        return warnings;
    }

    private String randomName() {
        SplittableRandom r = random();
        StringBuilder b = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            b.append(RANDOM_CHARS.charAt(r.nextInt(RANDOM_CHARS.length())));
        }
        return b.toString();
    }

    /**
     * A generator seeded from the kernel's random source, as Python's {@code tempfile} seeds its own. Not a
     * {@code SecureRandom}: setting one up (its providers, its seed) cost 10 ms of every daemon's start-up, and
     * the names need not be secret: the file is created exclusively (never through a planted link), and a name
     * someone else took is just tried again.
     */
    private SplittableRandom random() {
        if (random == null) {
            long seed = System.nanoTime() ^ System.currentTimeMillis() * 0x9E3779B97F4A7C15L;
            try (InputStream in = Files.newInputStream(Path.of("/dev/urandom"))) {
                byte[] bytes = in.readNBytes(8);
                for (byte x : bytes) {
                    seed = seed << 8 ^ (x & 0xff) ^ seed >>> 56;
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no /dev/urandom (an odd chroot): the clock's bits above still vary from start to start
            }
            random = new SplittableRandom(seed);
        }
        return random;
    }
}
