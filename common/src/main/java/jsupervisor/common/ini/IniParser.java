package jsupervisor.common.ini;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads INI text the way Supervisor's parser (Python 3 {@code RawConfigParser} with
 * {@code inline_comment_prefixes=(';','#')} and {@code strict=False}) reads it.
 *
 * <p>The rules that matter, all mirrored from configparser's {@code _read}: a {@code ;} or {@code #} starts an
 * inline comment only at the start of a line or after whitespace; a line whose first non-blank character is
 * one of them is a comment; a line indented deeper than the key line continues the value (joined with
 * {@code \n}, blank lines kept inside, trailing ones dropped); keys are lower-cased, section names are not;
 * the delimiter is the first {@code =} or {@code :}; bad lines are collected and reported together.
 *
 * <p>Stateless and thread-safe.
 */
public final class IniParser {
    private IniParser() {}

    /** Parses {@code text} as if it were the file named {@code fileName} into {@code doc}. */
    public static void read(String text, String fileName, IniDocument doc) throws IniSyntaxException {
        new Pass(fileName, doc).run(splitLines(text));
    }

    /**
     * Reads a file into {@code doc}, recording it as the source of the sections it creates (Supervisor does
     * this for included files, whose errors then name them).
     */
    public static void readIncludedFile(Path file, String fileName, IniDocument doc)
            throws IOException, IniSyntaxException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Set<String> before = new HashSet<>(doc.sectionNames());
        read(text, fileName, doc);
        for (String s : doc.sectionNames()) {
            if (!before.contains(s)) {
                doc.recordIncludedFile(s, fileName);
            }
        }
    }

    /** Splits into lines that keep their {@code \n}, with Python's universal-newline translation. */
    static List<String> splitLines(String text) {
        String t = text.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < t.length()) {
            int nl = t.indexOf('\n', start);
            int end = nl < 0 ? t.length() : nl + 1;
            lines.add(t.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** One file's worth of parser state (configparser's locals in {@code _read}). */
    static final class Pass {
        private final String fileName;
        private final IniDocument doc;
        private IniSection current;
        private String optionName;
        private int indentLevel;
        private final Map<String, List<String>> pending = new LinkedHashMap<>();
        private final Map<String, IniValue> pendingFirstLine = new LinkedHashMap<>();
        private StringBuilder errors;
        private int firstErrorLine;

        Pass(String fileName, IniDocument doc) {
            this.fileName = fileName;
            this.doc = doc;
        }

        void run(List<String> lines) throws IniSyntaxException {
            int lineNo = 0;
            for (String line : lines) {
                lineNo++;
                handle(line, lineNo);
            }
            flush();
            if (errors != null) {
                throw new IniSyntaxException(errors.toString(), fileName, firstErrorLine);
            }
        }

        private void handle(String line, int lineNo) throws IniSyntaxException {
            int commentStart = commentStart(line);
            String value = PythonText.strip(commentStart < 0 ? line : line.substring(0, commentStart));
            if (value.isEmpty()) {
                // a blank line (not a comment) is kept inside a multi-line value
                if (commentStart < 0 && current != null && optionName != null) {
                    pending.get(key(optionName)).add("");
                }
                return;
            }
            int indent = PythonText.firstNonSpace(line);
            if (current != null && optionName != null && indent > indentLevel) {
                pending.get(key(optionName)).add(value);
                return;
            }
            indentLevel = indent;
            if (value.startsWith("[") && value.indexOf(']', 2) > 0) {
                openSection(value.substring(1, value.lastIndexOf(']')), lineNo);
                return;
            }
            if (current == null) {
                throw new IniSyntaxException("File contains no section headers.\nfile: "
                        + PythonRepr.of(fileName) + ", line: " + lineNo + "\n" + PythonRepr.of(line),
                        fileName, lineNo);
            }
            int delim = delimiterIndex(value);
            if (delim < 0) {
                addError(lineNo, line);
                return;
            }
            String name = PythonText.rstrip(value.substring(0, delim));
            if (name.isEmpty()) {
                addError(lineNo, line);
            }
            optionName = name.toLowerCase(java.util.Locale.ROOT);
            String k = key(optionName);
            List<String> parts = new ArrayList<>();
            parts.add(PythonText.strip(value.substring(delim + 1)));
            pending.put(k, parts);
            pendingFirstLine.put(k, new IniValue("", fileName, lineNo));
        }

        private void openSection(String name, int lineNo) {
            // the header regex is \[(?P<header>.+)\] matched greedily: "[a] b]" names "a] b"
            current = doc.sectionForWrite(name, fileName, lineNo);
            optionName = null;
        }

        private String key(String option) {
            return current.name() + "\u0000" + option;
        }

        private void flush() {
            for (Map.Entry<String, List<String>> e : pending.entrySet()) {
                String k = e.getKey();
                int sep = k.indexOf('\u0000');
                String section = k.substring(0, sep);
                String option = k.substring(sep + 1);
                String joined = PythonText.rstrip(String.join("\n", e.getValue()));
                IniValue where = pendingFirstLine.get(k);
                IniSection target = IniDocument.DEFAULT_SECTION.equals(section)
                        ? doc.sectionForWrite(section, fileName, 0)
                        : doc.section(section).orElseThrow();
                target.put(option, new IniValue(joined, where.file(), where.line()));
            }
        }

        private void addError(int lineNo, String line) {
            if (errors == null) {
                errors = new StringBuilder("Source contains parsing errors: " + PythonRepr.of(fileName));
                firstErrorLine = lineNo;
            }
            errors.append("\n\t[line ").append(String.format("%2d", lineNo)).append("]: ")
                    .append(PythonRepr.of(line));
        }

        /**
         * Index where a comment starts, or -1. Mirrors configparser exactly, including its round-based search:
         * each round looks at the next occurrence of every prefix, and the first round in which any occurrence
         * stands at the line start or after whitespace decides.
         */
        static int commentStart(String line) {
            String stripped = PythonText.strip(line);
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                return 0;
            }
            int semi = -1;
            int hash = -1;
            boolean semiLive = true;
            boolean hashLive = true;
            while (semiLive || hashLive) {
                int best = -1;
                if (semiLive) {
                    semi = line.indexOf(';', semi + 1);
                    semiLive = semi >= 0;
                    if (semiLive && startsComment(line, semi)) {
                        best = semi;
                    }
                }
                if (hashLive) {
                    hash = line.indexOf('#', hash + 1);
                    hashLive = hash >= 0;
                    if (hashLive && startsComment(line, hash) && (best < 0 || hash < best)) {
                        best = hash;
                    }
                }
                if (best >= 0) {
                    return best;
                }
            }
            return -1;
        }

        private static boolean startsComment(String line, int idx) {
            return idx == 0 || PythonText.isSpace(line.charAt(idx - 1));
        }

        /** The first '=' or ':' (configparser's lazy option pattern picks the earliest delimiter). */
        private static int delimiterIndex(String value) {
            int eq = value.indexOf('=');
            int colon = value.indexOf(':');
            if (eq < 0) {
                return colon;
            }
            return colon < 0 ? eq : Math.min(eq, colon);
        }
    }
}
