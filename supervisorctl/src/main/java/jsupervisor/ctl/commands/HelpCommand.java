package jsupervisor.ctl.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jsupervisor.ctl.Controller;
import jsupervisor.ctl.CtlCommand;

/**
 * {@code help [<topic>]} and the shell's {@code EOF} pseudo-command, mirroring {@code Controller.do_help},
 * {@code ControllerPluginBase.do_help} and {@code cmd.Cmd.print_topics}/{@code columnize}. Stateless apart
 * from the controller.
 */
public final class HelpCommand {
    private static final String HEADER = "default commands (type help <topic>):";

    private final Controller ctl;

    public HelpCommand(Controller ctl) {
        this.ctl = ctl;
    }

    public List<CtlCommand> commands() {
        return List.of(
                new CtlCommand("help", this::help, null),
                new CtlCommand("EOF", this::eof, null));
    }

    boolean eof(String arg) {
        ctl.output("");
        return true;
    }

    boolean help(String arg) {
        if (jsupervisor.ctl.CommandLine.strip(arg).equals("help")) {
            ctl.output("help\t\tPrint a list of available actions");
            ctl.output("help <action>\tPrint help for <action>");
            return false;
        }
        Map<String, CtlCommand> commands = ctl.commands();
        if (!arg.isEmpty()) {
            CtlCommand c = commands.get(arg);
            if (c == null || c.help() == null) {
                ctl.output("*** No help on " + arg);
            } else {
                ctl.output(c.help());
            }
            return false;
        }
        TreeSet<String> topics = new TreeSet<>();
        for (CtlCommand c : commands.values()) {
            if (c.help() != null) {
                topics.add(c.name());
            }
        }
        ctl.output("");
        ctl.output(HEADER);
        ctl.output("=".repeat(HEADER.length()));
        for (String row : columnize(new ArrayList<>(topics), 79)) {
            ctl.output(row);
        }
        ctl.output("");
        return false;
    }

    /** Mirrors {@code cmd.Cmd.columnize}: the fewest rows whose columns fit in {@code width}. */
    static List<String> columnize(List<String> list, int width) {
        int size = list.size();
        if (size == 0) {
            return List.of("<empty>");
        }
        if (size == 1) {
            return List.of(list.get(0));
        }
        for (int nrows = 1; nrows < size; nrows++) {
            int ncols = (size + nrows - 1) / nrows;
            List<Integer> colwidths = new ArrayList<>();
            int totwidth = -2;
            for (int col = 0; col < ncols; col++) {
                int colwidth = 0;
                for (int row = 0; row < nrows; row++) {
                    int i = row + nrows * col;
                    if (i >= size) {
                        break;
                    }
                    colwidth = Math.max(colwidth, list.get(i).length());
                }
                colwidths.add(colwidth);
                totwidth += colwidth + 2;
                if (totwidth > width) {
                    break;
                }
            }
            if (totwidth <= width) {
                return rows(list, nrows, ncols, colwidths);
            }
        }
        return rows(list, size, 1, List.of(0));
    }

    private static List<String> rows(List<String> list, int nrows, int ncols, List<Integer> colwidths) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < nrows; row++) {
            List<String> texts = new ArrayList<>();
            for (int col = 0; col < ncols; col++) {
                int i = row + nrows * col;
                texts.add(i >= list.size() ? "" : list.get(i));
            }
            while (!texts.isEmpty() && texts.getLast().isEmpty()) {
                texts.removeLast();
            }
            StringBuilder b = new StringBuilder();
            for (int col = 0; col < texts.size(); col++) {
                if (col > 0) {
                    b.append("  ");
                }
                String t = texts.get(col);
                b.append(t).append(" ".repeat(Math.max(0, colwidths.get(col) - t.length())));
            }
            out.add(b.toString());
        }
        return out;
    }
}
