package jsupervisor.daemon.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;

/**
 * The real {@link FileSystem}, through java.nio: {@code readAttributes} follows symlinks like {@code stat},
 * and {@code Files.isExecutable} is {@code access(X_OK)} on Unix. Relative paths resolve against the JVM's
 * working directory, as Python's {@code os.stat} does. Stateless; safe on any thread.
 */
public final class NioFileSystem implements FileSystem {

    @Override
    public Optional<FileStat> stat(String path) {
        try {
            PosixFileAttributes a = Files.readAttributes(Path.of(path), PosixFileAttributes.class);
            return Optional.of(new FileStat(a.isDirectory(), permissionBits(a)));
        } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isExecutable(String path) {
        try {
            return Files.isExecutable(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static int permissionBits(PosixFileAttributes a) {
        int bits = 0;
        for (PosixFilePermission p : a.permissions()) {
            // PosixFilePermission declares OWNER_READ .. OTHERS_EXECUTE, i.e. 0400 down to 0001
            bits |= 0400 >> p.ordinal();
        }
        return bits;
    }
}
