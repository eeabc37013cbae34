package jsupervisor.daemon.config;

import java.util.Objects;

/**
 * Where a child's stdout or stderr log goes: {@code AUTO} (a generated file in childlogdir), {@code NONE}, the
 * deprecated {@code syslog} spelling (only seen during parsing; the loader turns it into NONE plus
 * {@code *_syslog=true}), or a file path as written ({@code ~} expanded, relative paths kept relative).
 */
public record LogTarget(Kind kind, String path) {
    public enum Kind { AUTO, NONE, SYSLOG, FILE }

    public static final LogTarget AUTO = new LogTarget(Kind.AUTO, null);
    public static final LogTarget NONE = new LogTarget(Kind.NONE, null);
    public static final LogTarget SYSLOG = new LogTarget(Kind.SYSLOG, null);

    public LogTarget {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FILE) != (path != null)) {
            throw new IllegalArgumentException("a path is given exactly for FILE targets");
        }
    }

    public static LogTarget file(String path) {
        return new LogTarget(Kind.FILE, path);
    }

    @Override
    public String toString() {
        return kind == Kind.FILE ? path : kind.name();
    }
}
