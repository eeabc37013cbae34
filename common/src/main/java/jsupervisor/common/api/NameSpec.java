package jsupervisor.common.api;

import java.util.Objects;

/**
 * A namespec, the external name of a process or group (REFERENCE §2, §6.3), split as
 * {@code supervisor/options.py split_namespec} splits it:
 * <ul>
 *   <li>{@code group:proc} names process {@code proc} in group {@code group};</li>
 *   <li>{@code group:*} and {@code group:} name the whole group ({@link #process()} is null);</li>
 *   <li>{@code name} without a colon means process {@code name} in group {@code name}.</li>
 * </ul>
 * Only the first colon splits, so {@code a:b:c} is process {@code b:c} in group {@code a}. Names
 * are not validated here: an unknown or empty name becomes BAD_NAME when it is looked up.
 *
 * <p>Immutable.
 *
 * @param group the group name, never null
 * @param process the process name, or null when the whole group is meant
 */
public record NameSpec(String group, String process) {
    public NameSpec {
        Objects.requireNonNull(group, "group");
    }

    /** Mirrors {@code split_namespec}. */
    public static NameSpec parse(String namespec) {
        int colon = namespec.indexOf(':');
        if (colon < 0) {
            return new NameSpec(namespec, namespec);
        }
        String group = namespec.substring(0, colon);
        String process = namespec.substring(colon + 1);
        return new NameSpec(group, process.isEmpty() || process.equals("*") ? null : process);
    }

    /** The process {@code process} in {@code group}. */
    public static NameSpec ofProcess(String group, String process) {
        return new NameSpec(group, Objects.requireNonNull(process, "process"));
    }

    /** The whole group. */
    public static NameSpec ofGroup(String group) {
        return new NameSpec(group, null);
    }

    /** Mirrors {@code make_namespec}: {@code process} if it equals {@code group}, else {@code group:process}. */
    public static String format(String group, String process) {
        return group.equals(process) ? process : group + ":" + process;
    }

    /** True when this names a whole group ({@code group:*} or {@code group:}). */
    public boolean isGroup() {
        return process == null;
    }

    /** The canonical spelling: {@code group:*} for a group, {@link #format} for a process. */
    @Override
    public String toString() {
        return process == null ? group + ":*" : format(group, process);
    }
}
