package jsupervisor.ctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jsupervisor.common.api.ProcessInfo;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion as {@code Controller.complete} does it: command names first (and after {@code help}), group
 * names after {@code add}/{@code remove}/{@code update}, process names ({@code name}, {@code group:name},
 * {@code group:*}) after the process commands. Process info is fetched once per prompt. Main thread only.
 */
final class ShellCompleter implements Completer {
    private static final Set<String> GROUP_COMMANDS = Set.of("add", "remove", "update");
    private static final Set<String> PROCESS_COMMANDS =
            Set.of("clear", "fg", "pid", "restart", "signal", "start", "status", "stop", "tail");

    private final Controller ctl;
    private List<ProcessInfo> info;

    ShellCompleter(Controller ctl) {
        this.ctl = ctl;
    }

    /** Drops the cached process list (a new prompt is shown). */
    void forget() {
        info = null;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String text = line.word().substring(0, line.wordCursor());
        for (String m : matches(line.line(), text)) {
            candidates.add(new Candidate(m, m, null, null, null, null, true));
        }
    }

    /** The completions of {@code text} within {@code buffer}, without the trailing space Python adds. */
    List<String> matches(String buffer, String text) {
        List<String> words = CommandLine.split(buffer);
        if (CommandLine.strip(buffer).isEmpty() || words.size() == 1 && !buffer.endsWith(" ")) {
            return actions(text);
        }
        String action = words.get(0);
        // mirrors `action in ('help')`, a substring test in the reference
        if ("help".contains(action)) {
            return actions(text);
        }
        try {
            if (GROUP_COMMANDS.contains(action)) {
                return groups(text);
            }
            if (PROCESS_COMMANDS.contains(action)) {
                return processes(text);
            }
        } catch (Exception e) {
            return List.of();
        }
        return List.of();
    }

    private List<String> actions(String text) {
        List<String> out = new ArrayList<>();
        for (String name : ctl.commands().keySet()) {
            if (!name.equals("EOF") && name.startsWith(text)) {
                out.add(name);
            }
        }
        return out;
    }

    private List<ProcessInfo> info() throws Exception {
        if (info == null) {
            info = ctl.supervisor().getAllProcessInfo();
        }
        return info;
    }

    private List<String> groups(String text) throws Exception {
        List<String> out = new ArrayList<>();
        for (ProcessInfo i : info()) {
            if (!out.contains(i.group()) && i.group().startsWith(text)) {
                out.add(i.group());
            }
        }
        return out;
    }

    private List<String> processes(String text) throws Exception {
        List<String> all = new ArrayList<>();
        for (ProcessInfo i : info()) {
            if (text.contains(":") || !i.name().equals(i.group())) {
                all.add(i.group() + ":" + i.name());
                if (!all.contains(i.group() + ":*")) {
                    all.add(i.group() + ":*");
                }
            } else {
                all.add(i.name());
            }
        }
        List<String> out = new ArrayList<>();
        for (String p : all) {
            if (p.startsWith(text)) {
                out.add(p);
            }
        }
        return out;
    }
}
