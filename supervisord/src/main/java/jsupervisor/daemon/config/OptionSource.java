package jsupervisor.daemon.config;

import java.util.Map;
import java.util.Optional;

import jsupervisor.common.ini.IniDocument;
import jsupervisor.common.ini.IniSection;
import jsupervisor.common.ini.IniValue;
import jsupervisor.common.ini.PercentFormat;

/**
 * Reads option values out of a parsed document the way Supervisor's {@code saneget} does: the value (or the
 * default) is {@code %}-expanded against the environment expansions shared by the whole load plus the names
 * the caller adds, and every failure becomes a {@link ConfigException} that knows its file, line, section and
 * option. Confined to one load.
 */
final class OptionSource {
    /** A conversion that may reject a value with Supervisor's text. */
    @FunctionalInterface
    interface Converter<T> {
        T convert(String value) throws InvalidValueException;
    }

    private final IniDocument doc;
    private final String mainFile;
    private final Map<String, Object> environExpansions;

    /**
     * @param environExpansions {@code ENV_*} names; shared and extended by the loader once
     *                          {@code [supervisord] environment} is known (as Supervisor mutates its dict)
     */
    OptionSource(IniDocument doc, String mainFile, Map<String, Object> environExpansions) {
        this.doc = doc;
        this.mainFile = mainFile;
        this.environExpansions = environExpansions;
    }

    IniDocument document() {
        return doc;
    }

    Map<String, Object> environExpansions() {
        return environExpansions;
    }

    boolean has(String section, String option) {
        return doc.find(section, option) != null;
    }

    /** The raw text, or {@code dflt} when the option is absent. */
    String raw(String section, String option, String dflt) {
        IniValue v = doc.find(section, option);
        return v == null ? dflt : v.text();
    }

    /**
     * The expanded value, or the expanded default when absent ({@code null} stays null). The expansion names
     * are the environment ones overlaid with {@code extra}; {@code %}-errors name {@code section.option}.
     */
    String get(String section, String option, String dflt, Map<String, ?> extra) throws ConfigException {
        String value = raw(section, option, dflt);
        if (value == null || value.indexOf('%') < 0) {
            return value; // nothing to format (most values): not even the name for errors is needed
        }
        return expand(section, option, value, extra, section + "." + option);
    }

    /** Expands {@code value} as a value of {@code section.option}, naming it {@code where} in errors. */
    String expand(String section, String option, String value, Map<String, ?> extra, String where)
            throws ConfigException {
        if (value.indexOf('%') < 0) {
            return value; // nothing to format: most values; saves building the names map thousands of times
        }
        try {
            return PercentFormat.expand(value, new LayeredNames(extra, environExpansions), where);
        } catch (PercentFormat.ExpansionException e) {
            throw error(section, option, e.getMessage());
        }
    }

    /** Reads, expands and converts; conversion errors carry the option's location. */
    <T> T read(String section, String option, String dflt, Map<String, ?> extra, Converter<T> converter)
            throws ConfigException {
        String value = get(section, option, dflt, extra);
        return convert(section, option, value, converter);
    }

    <T> T convert(String section, String option, String value, Converter<T> converter) throws ConfigException {
        try {
            return converter.convert(value);
        } catch (InvalidValueException e) {
            throw error(section, option, e.getMessage());
        }
    }

    /**
     * An error located at the option's last definition, or at the section header when the option is absent
     * (or {@code option} is null).
     */
    ConfigException error(String section, String option, String message) {
        Optional<IniValue> v = option == null ? Optional.empty() : doc.get(section, option);
        if (v.isPresent()) {
            // a value inherited from [DEFAULT] is located where it is written
            boolean inherited = doc.section(section).map(s -> !s.options().containsKey(option)).orElse(true);
            return new ConfigException(message, new ConfigException.Where(v.get().file(), v.get().line(),
                    inherited ? IniDocument.DEFAULT_SECTION : section, option));
        }
        return sectionError(section, message);
    }

    /** An error about a section as a whole. */
    ConfigException sectionError(String section, String message) {
        Optional<IniSection> s = doc.section(section);
        String file = s.map(IniSection::file).orElse(mainFile);
        int line = s.map(IniSection::line).orElse(0);
        return new ConfigException(message, new ConfigException.Where(file, line, section, null));
    }

    /** The file Supervisor names in a program section's error suffix: the including file, else the main one. */
    String fileOfSection(String section) {
        return doc.includedFileOf(section).orElse(mainFile);
    }
}
