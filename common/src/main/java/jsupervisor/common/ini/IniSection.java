package jsupervisor.common.ini;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code [section]} of a parsed INI document: options in the order they first appeared, keys lower-cased.
 *
 * <p>Mutable only while an {@link IniDocument} is being read (duplicate sections and included files merge into
 * it, later keys override earlier ones); read-only to everyone else. Not thread-safe; confined to the reader.
 */
public final class IniSection {
    private final String name;
    private final String file;
    private final int line;
    private final Map<String, IniValue> options = new LinkedHashMap<>();

    IniSection(String name, String file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }

    /** The header text between the brackets, case preserved. */
    public String name() {
        return name;
    }

    /** The file whose header first created this section. */
    public String file() {
        return file;
    }

    /** The 1-based line of that header. */
    public int line() {
        return line;
    }

    /** Options defined in this section itself (no {@code [DEFAULT]} values), in first-definition order. */
    public Map<String, IniValue> options() {
        return Collections.unmodifiableMap(options);
    }

    /** The option's own value, or null: {@link #options()} without the read-only view made for each call. */
    IniValue value(String key) {
        return options.get(key);
    }

    /** The options themselves, for the document's own rewriting of values ({@link IniDocument#expandHere}). */
    Map<String, IniValue> optionsForWrite() {
        return options;
    }

    void put(String key, IniValue value) {
        options.put(key, value);
    }
}
