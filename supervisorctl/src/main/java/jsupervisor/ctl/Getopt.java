package jsupervisor.ctl;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code getopt.getopt} (not the GNU variant): options stop at the first non-option word or at
 * {@code --}; long options may be abbreviated to a unique prefix; error texts are Python's. Stateless.
 */
final class Getopt {
    /** One parsed option: {@code -x} or {@code --long}, and its value ({@code ""} for flags). */
    record Opt(String name, String value) {}

    /** What was parsed, and the words left over. */
    record Parsed(List<Opt> opts, List<String> args) {}

    private Getopt() {}

    /**
     * @param shortopts e.g. {@code "hc:?"}: a letter followed by {@code :} takes a value
     * @param longopts e.g. {@code "configuration="}: a trailing {@code =} takes a value
     */
    static Parsed parse(List<String> argv, String shortopts, List<String> longopts) throws UsageError {
        List<Opt> opts = new ArrayList<>();
        List<String> args = new ArrayList<>(argv);
        while (!args.isEmpty() && args.get(0).startsWith("-") && !args.get(0).equals("-")) {
            String a = args.remove(0);
            if (a.equals("--")) {
                break;
            }
            if (a.startsWith("--")) {
                longOpt(a.substring(2), args, longopts, opts);
            } else {
                shortOpts(a.substring(1), args, shortopts, opts);
            }
        }
        return new Parsed(opts, args);
    }

    private static void longOpt(String opt, List<String> args, List<String> longopts, List<Opt> opts)
            throws UsageError {
        String optarg = null;
        int eq = opt.indexOf('=');
        if (eq >= 0) {
            optarg = opt.substring(eq + 1);
            opt = opt.substring(0, eq);
        }
        List<String> possibilities = new ArrayList<>();
        for (String o : longopts) {
            if (o.startsWith(opt)) {
                possibilities.add(o);
            }
        }
        if (possibilities.isEmpty()) {
            throw new UsageError("option --" + opt + " not recognized");
        }
        String match;
        if (possibilities.contains(opt)) {
            match = opt;
        } else if (possibilities.contains(opt + "=")) {
            match = opt + "=";
        } else if (possibilities.size() > 1) {
            throw new UsageError("option --" + opt + " not a unique prefix");
        } else {
            match = possibilities.get(0);
        }
        boolean hasArg = match.endsWith("=");
        String name = hasArg ? match.substring(0, match.length() - 1) : match;
        if (hasArg) {
            if (optarg == null) {
                if (args.isEmpty()) {
                    throw new UsageError("option --" + name + " requires argument");
                }
                optarg = args.remove(0);
            }
        } else if (optarg != null) {
            throw new UsageError("option --" + name + " must not have an argument");
        }
        opts.add(new Opt("--" + name, optarg == null ? "" : optarg));
    }

    private static void shortOpts(String optstring, List<String> args, String shortopts, List<Opt> opts)
            throws UsageError {
        while (!optstring.isEmpty()) {
            char opt = optstring.charAt(0);
            optstring = optstring.substring(1);
            int i = opt == ':' ? -1 : shortopts.indexOf(opt);
            if (i < 0) {
                throw new UsageError("option -" + opt + " not recognized");
            }
            boolean hasArg = i + 1 < shortopts.length() && shortopts.charAt(i + 1) == ':';
            String optarg = "";
            if (hasArg) {
                if (optstring.isEmpty()) {
                    if (args.isEmpty()) {
                        throw new UsageError("option -" + opt + " requires argument");
                    }
                    optstring = args.remove(0);
                }
                optarg = optstring;
                optstring = "";
            }
            opts.add(new Opt("-" + opt, optarg));
        }
    }
}
