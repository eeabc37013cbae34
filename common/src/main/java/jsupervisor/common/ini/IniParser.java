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
import java.util.function.Predicate;

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
        read(text, fileName, doc, null);
    }

    /**
     * Like {@link #read(String, String, IniDocument)}, but keeps only the sections {@code kept} accepts (and
     * {@code [DEFAULT]}); every line is still checked, so the errors are the same. supervisorctl reads its few
     * sections out of a file that may hold a thousand programs.
     *
     * @param kept decides by section name, or null for all of them
     */
    public static void read(String text, String fileName, IniDocument doc, Predicate<String> kept)
            throws IniSyntaxException {
        new Pass(fileName, doc, kept).run(text);
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

    /**
     * One file's worth of parser state (configparser's locals in {@code _read}). Each line is classified in one
     * pass over its characters, and strings are made only for what is kept: a cold JVM interprets this code,
     * so characters visited and objects made are what its time goes on (a 1000-program file: 6000 lines).
     */
    static final class Pass {
        private static final int NONE = Integer.MAX_VALUE;

        private final String fileName;
        private final IniDocument doc;
        private final Predicate<String> kept;
        private char[] buf;
        private boolean inSection; // configparser's cursect is not None
        private IniSection current; // the section being read, null when it is not kept
        private String optionName; // lower-cased; Python's optname, whose "" and None both count as unset
        private boolean optionSet; // optname is truthy
        private int indentLevel;
        /** The values read so far, by section and option, in configparser's order; joined at the end. */
        private final Map<String, PendingValue> pending = new LinkedHashMap<>();
        private StringBuilder errors;
        private int firstErrorLine;

        Pass(String fileName, IniDocument doc, Predicate<String> kept) {
            this.fileName = fileName;
            this.doc = doc;
            this.kept = kept;
        }

        void run(String text) throws IniSyntaxException {
            if (text.indexOf('\r') >= 0) {
                text = text.replace("\r\n", "\n").replace('\r', '\n'); // universal newlines
            }
            buf = text.toCharArray();
            int n = buf.length;
            int start = 0;
            int lineNo = 0;
            while (start < n) {
                int end = start;
                while (end < n && buf[end] != '\n') {
                    end++;
                }
                end = end < n ? end + 1 : n; // the line keeps its \n, as Python's file iteration does
                handle(start, end, ++lineNo);
                start = end;
            }
            flush();
            if (errors != null) {
                throw new IniSyntaxException(errors.toString(), fileName, firstErrorLine);
            }
        }

        private void handle(int s, int e, int lineNo) throws IniSyntaxException {
            // one pass: first and last non-blank, the first '=' or ':', and for ';' and '#' the first occurrence
            // that may open a comment together with its rank among that prefix's occurrences (see commentStart)
            int first = -1;
            int last = -1;
            int delimiter = -1;
            int semis = 0;
            int semiRound = NONE;
            int semiAt = -1;
            int hashes = 0;
            int hashRound = NONE;
            int hashAt = -1;
            for (int i = s; i < e; i++) {
                char c = buf[i];
                if (c == ';') {
                    semis++;
                    if (semiRound == NONE && (i == s || isSpace(buf[i - 1]))) {
                        semiRound = semis;
                        semiAt = i;
                    }
                } else if (c == '#') {
                    hashes++;
                    if (hashRound == NONE && (i == s || isSpace(buf[i - 1]))) {
                        hashRound = hashes;
                        hashAt = i;
                    }
                } else if ((c == '=' || c == ':') && delimiter < 0) {
                    delimiter = i;
                }
                // printable ASCII, nearly every character, is decided without a call
                if ((c > ' ' && c < 0x7f) || !isSpace(c)) {
                    if (first < 0) {
                        first = i;
                    }
                    last = i;
                }
            }
            int commentStart;
            if (first >= 0 && (buf[first] == '#' || buf[first] == ';')) {
                commentStart = s; // a full-line comment
            } else if (semiRound == NONE && hashRound == NONE) {
                commentStart = -1;
            } else if (semiRound != hashRound) {
                commentStart = semiRound < hashRound ? semiAt : hashAt;
            } else {
                commentStart = Math.min(semiAt, hashAt);
            }
            // value = line[:commentStart].strip()
            int valueStart = first;
            int valueEnd = last + 1;
            if (commentStart >= 0) {
                valueEnd = commentStart;
                while (valueEnd > s && isSpace(buf[valueEnd - 1])) {
                    valueEnd--;
                }
            }
            if (first < 0 || valueEnd <= valueStart) {
                // a blank line (not a comment) is kept inside a multi-line value
                if (commentStart < 0 && inSection && optionSet && current != null) {
                    pending.get(key(optionName)).add("");
                }
                return;
            }
            int indent = first - s;
            if (inSection && optionSet && indent > indentLevel) {
                if (current != null) {
                    pending.get(key(optionName)).add(new String(buf, valueStart, valueEnd - valueStart));
                }
                return;
            }
            indentLevel = indent;
            if (buf[valueStart] == '[') {
                // the header regex is \[(?P<header>.+)\] matched greedily: "[a] b]" names "a] b"
                for (int j = valueEnd - 1; j >= valueStart + 2; j--) {
                    if (buf[j] == ']') {
                        openSection(new String(buf, valueStart + 1, j - valueStart - 1), lineNo);
                        return;
                    }
                }
            }
            if (!inSection) {
                String line = new String(buf, s, e - s);
                throw new IniSyntaxException("File contains no section headers.\nfile: "
                        + PythonRepr.of(fileName) + ", line: " + lineNo + "\n" + PythonRepr.of(line),
                        fileName, lineNo);
            }
            if (delimiter < 0 || delimiter >= valueEnd) {
                addError(lineNo, new String(buf, s, e - s));
                return;
            }
            int nameEnd = delimiter;
            while (nameEnd > valueStart && isSpace(buf[nameEnd - 1])) {
                nameEnd--;
            }
            if (nameEnd == valueStart) {
                addError(lineNo, new String(buf, s, e - s));
            }
            optionSet = nameEnd > valueStart;
            if (current == null) {
                return;
            }
            optionName = new String(buf, valueStart, nameEnd - valueStart).toLowerCase(java.util.Locale.ROOT);
            int v = delimiter + 1;
            while (v < valueEnd && isSpace(buf[v])) {
                v++;
            }
            pending.put(key(optionName), new PendingValue(current.name(), optionName,
                    new String(buf, v, valueEnd - v), lineNo));
        }

        /** Python's {@code str.isspace}, the ASCII letters, digits and punctuation decided in one comparison. */
        private static boolean isSpace(char c) {
            return (c <= ' ' || c >= 0x7f) && PythonText.isSpace(c);
        }

        private void openSection(String name, int lineNo) {
            inSection = true;
            boolean keep = kept == null || kept.test(name) || IniDocument.DEFAULT_SECTION.equals(name);
            current = keep ? doc.sectionForWrite(name, fileName, lineNo) : null;
            optionName = null;
            optionSet = false;
        }
        private String key(String option) {
            return current.name() + "\u0000" + option;
        }

        private void flush() {
            for (PendingValue p : pending.values()) {
                IniSection target = IniDocument.DEFAULT_SECTION.equals(p.section)
                        ? doc.sectionForWrite(p.section, fileName, 0)
                        : doc.section(p.section).orElseThrow();
                target.put(p.option, new IniValue(PythonText.rstrip(p.joined()), fileName, p.line));
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
         * Index where a comment starts in {@code line}, or -1. Mirrors configparser exactly, including its
         * round-based search: each round looks at the next occurrence of every prefix, and the first round in
         * which any occurrence stands at the line start or after whitespace decides. {@link #handle} computes
         * the same in its one pass; this form is for tests.
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
    }

    /** An option's value as read so far: its first line, and any continuation lines (configparser's list). */
    private static final class PendingValue {
        final String section;
        final String option;
        final int line;
        private final String first;
        private List<String> more; // null until a continuation line comes: most values have none

        PendingValue(String section, String option, String first, int line) {
            this.section = section;
            this.option = option;
            this.first = first;
            this.line = line;
        }

        void add(String continuation) {
            if (more == null) {
                more = new ArrayList<>();
            }
            more.add(continuation);
        }

        /** configparser's {@code '\n'.join(value)}. */
        String joined() {
            if (more == null) {
                return first;
            }
            StringBuilder b = new StringBuilder(first);
            for (String m : more) {
                b.append('\n').append(m);
            }
            return b.toString();
        }
    }
}
