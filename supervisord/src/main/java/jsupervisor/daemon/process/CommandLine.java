package jsupervisor.daemon.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jsupervisor.common.ini.PythonRepr;

/**
 * Splits a {@code command=} the way Supervisor does, with Python's POSIX-mode {@code shlex.split}: blanks
 * separate words, single quotes keep everything literally, double quotes keep everything but let a
 * backslash escape {@code "} and {@code \}, an unquoted backslash escapes any character, and {@code #} is an
 * ordinary character. Stateless.
 */
public final class CommandLine {
    private static final String WHITESPACE = " \t\r\n";

    private CommandLine() {}

    /** The result of {@link #split}: the words, or Supervisor's error text. */
    public sealed interface Split permits Words, Error {}

    /** The words of a non-empty command. */
    public record Words(List<String> argv) implements Split {
        public Words {
            argv = List.copyOf(argv);
        }
    }

    /** {@code can't parse command '<cmd>': No closing quotation} and the like, or {@code command is empty}. */
    public record Error(String message) implements Split {}

    /** Splits {@code command}; mirrors the first half of {@code supervisor/process.py get_execv_args}. */
    public static Split split(String command) {
        Optional<String> problem = Optional.empty();
        List<String> words = new ArrayList<>();
        try {
            words = shlexSplit(command);
        } catch (IllegalArgumentException e) {
            problem = Optional.of(e.getMessage());
        }
        if (problem.isPresent()) {
            return new Error("can't parse command " + PythonRepr.of(command) + ": " + problem.get());
        }
        if (words.isEmpty()) {
            return new Error("command is empty");
        }
        return new Words(words);
    }

    /** POSIX {@code shlex.split(s)}; throws with shlex's own ValueError texts. */
    static List<String> shlexSplit(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (WHITESPACE.indexOf(c) >= 0) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\\') {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                word.append(s.charAt(i++));
                inWord = true;
            } else if (c == '\'' || c == '"') {
                i = readQuoted(s, i, c, word);
                inWord = true; // an empty quoted string is still a word
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Appends the quoted text starting at {@code i} (after the opening quote); returns the index after it. */
    private static int readQuoted(String s, int i, char quote, StringBuilder word) {
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == quote) {
                return i;
            }
            if (quote == '"' && c == '\\') {
                if (i >= s.length()) {
                    throw new IllegalArgumentException("No escaped character");
                }
                char next = s.charAt(i++);
                // inside double quotes a backslash only escapes the quote and itself (shlex.escapedquotes)
                if (next != '"' && next != '\\') {
                    word.append('\\');
                }
                word.append(next);
            } else {
                word.append(c);
            }
        }
        throw new IllegalArgumentException("No closing quotation");
    }
}
