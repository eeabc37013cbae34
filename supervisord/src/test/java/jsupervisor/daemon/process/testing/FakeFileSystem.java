package jsupervisor.daemon.process.testing;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jsupervisor.daemon.process.FileSystem;

/** An in-memory file table: files with modes, directories, and which paths access(X_OK) accepts. */
public final class FakeFileSystem implements FileSystem {
    private final Map<String, FileStat> files = new HashMap<>();
    private final Set<String> executable = new HashSet<>();
    private final Set<String> statted = new java.util.LinkedHashSet<>();

    /** A 0755 file that supervisord may execute. */
    public FakeFileSystem program(String path) {
        files.put(path, new FileStat(false, 0755));
        executable.add(path);
        return this;
    }

    /** A file with {@code mode}; {@code accessible} is what access(X_OK) answers. */
    public FakeFileSystem file(String path, int mode, boolean accessible) {
        files.put(path, new FileStat(false, mode));
        if (accessible) {
            executable.add(path);
        }
        return this;
    }

    public FakeFileSystem directory(String path) {
        files.put(path, new FileStat(true, 0755));
        executable.add(path);
        return this;
    }

    @Override
    public Optional<FileStat> stat(String path) {
        statted.add(path);
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public boolean isExecutable(String path) {
        return executable.contains(path);
    }

    /** Every path stat() was asked about, in first-asked order. */
    public java.util.List<String> statted() {
        return java.util.List.copyOf(statted);
    }
}
