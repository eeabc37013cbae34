package jsupervisor.common.ini;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sections of one or more INI files read into a single namespace, as Python's {@code RawConfigParser}
 * with {@code strict=False} keeps them: duplicate sections merge, the last value of a key wins, and
 * {@code [DEFAULT]} supplies values to every section.
 *
 * <p>Filled by {@link IniParser}; mutable only through the package-private methods the parser and
 * {@link #expandHere} use. Not thread-safe: one reader builds it, then it is only read.
 */
public final class IniDocument {
    /** The section whose keys are defaults for every other section (configparser's {@code default_section}). */
    public static final String DEFAULT_SECTION = "DEFAULT";

    private static final String HERE_FORMAT = "%(here)s";

    private final Map<String, IniSection> sections = new LinkedHashMap<>();
    private final IniSection defaults = new IniSection(DEFAULT_SECTION, "", 0);
    private final Map<String, String> sectionToFile = new LinkedHashMap<>();

    /** Section names in first-appearance order, without {@code DEFAULT}. */
    public List<String> sectionNames() {
        return List.copyOf(sections.keySet());
    }

    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    public Optional<IniSection> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }

    /** The value of {@code key} in {@code section}, falling back to {@code [DEFAULT]}; empty when neither has it. */
    public Optional<IniValue> get(String section, String key) {
        return Optional.ofNullable(find(section, key));
    }

    /**
     * {@link #get} as a value or null. Reading a thousand program sections asks for some forty options each,
     * most of them absent, so this lookup is among the most frequent of a daemon's cold start.
     */
    public IniValue find(String section, String key) {
        IniSection s = sections.get(section);
        if (s != null) {
            IniValue v = s.value(key);
            if (v != null) {
                return v;
            }
        }
        return defaults.value(key);
    }

    /** The keys visible in a section: its own, then the {@code [DEFAULT]} ones it does not override. */
    public List<String> keys(String section) {
        Set<String> keys = new LinkedHashSet<>();
        IniSection s = sections.get(section);
        if (s != null) {
            keys.addAll(s.options().keySet());
        }
        keys.addAll(defaults.options().keySet());
        return new ArrayList<>(keys);
    }

    /**
     * The file that first defined a section, for sections read through {@link IniParser#readFile} of an
     * included file; empty for sections of the main file (Supervisor's {@code section_to_file}).
     */
    public Optional<String> includedFileOf(String section) {
        return Optional.ofNullable(sectionToFile.get(section));
    }

    /**
     * Replaces the literal text {@code %(here)s} in every value visible in every section by {@code here},
     * writing the result into the section itself (so a {@code [DEFAULT]} value is copied into each section).
     * This is how Supervisor makes {@code %(here)s} mean the directory of the file a value appears in once
     * {@code [include]} files are involved: it runs after the main file and after each included file.
     */
    public void expandHere(String here) {
        for (IniSection s : sections.values()) {
            // the section's own values, then the [DEFAULT] ones it does not override (the order of keys());
            // replacing a value of a key already present does not disturb the iteration
            for (Map.Entry<String, IniValue> e : s.optionsForWrite().entrySet()) {
                if (e.getValue().text().contains(HERE_FORMAT)) {
                    e.setValue(e.getValue().withText(e.getValue().text().replace(HERE_FORMAT, here)));
                }
            }
            for (Map.Entry<String, IniValue> e : defaults.optionsForWrite().entrySet()) {
                if (e.getValue().text().contains(HERE_FORMAT) && s.value(e.getKey()) == null) {
                    s.put(e.getKey(), e.getValue().withText(e.getValue().text().replace(HERE_FORMAT, here)));
                }
            }
        }
    }

    /** Defaults section, as read. */
    public Map<String, IniValue> defaults() {
        return Collections.unmodifiableMap(defaults.options());
    }

    IniSection sectionForWrite(String name, String file, int line) {
        if (DEFAULT_SECTION.equals(name)) {
            return defaults;
        }
        return sections.computeIfAbsent(name, n -> new IniSection(n, file, line));
    }

    boolean containsSectionForWrite(String name) {
        return sections.containsKey(name);
    }

    void recordIncludedFile(String section, String file) {
        sectionToFile.putIfAbsent(section, file);
    }
}
