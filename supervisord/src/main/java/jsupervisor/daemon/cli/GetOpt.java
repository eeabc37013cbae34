package jsupervisor.daemon.cli;

import java.util.ArrayList;
import java.util.List;

import jsupervisor.common.ini.PythonRepr;

/**
 * Python's {@code getopt.getopt}, whose behaviour and messages supervisord's command line has: options stop at
 * the first non-option argument or {@code --}; short options cluster ({@code -nc file}, {@code -cfile}); long
 * options take {@code --opt=value} or {@code --opt value} and may be abbreviated to a unique prefix.
 * Stateless.
 */
public final class GetOpt {
    /** A parse failure with getopt's message, e.g. {@code option --bogus not recognized}. */
    public static final class GetOptException extends Exception {
        public GetOptException(String message) {
            super(message, null, false, false);
        }
    }

    /** One parsed option: the canonical name ({@code -n} or {@code --nodaemon}) and its value or null. */
    public record Opt(String name, String value) {}

    /** Options in order, then the remaining positional arguments. */
    public record Result(List<Opt> options, List<String> arguments) {}

    private GetOpt() {}

    /**
     * @param shortOpts getopt's short option string, e.g. {@code "hc:n"}
     * @param longOpts  long names, with a trailing {@code =} for those taking a value
     */
    public static Result parse(List<String> args, String shortOpts, List<String> longOpts) throws GetOptException {
        List<Opt> opts = new ArrayList<>();
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-")) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.startsWith("--")) {
                i = longOption(args, i, longOpts, opts);
            } else {
                i = shortOptions(args, i, shortOpts, opts);
            }
        }
        return new Result(opts, List.copyOf(args.subList(i, args.size())));
    }

    private static int longOption(List<String> args, int i, List<String> longOpts, List<Opt> opts)
            throws GetOptException {
        String body = args.get(i).substring(2);
        String value = null;
        int eq = body.indexOf('=');
        if (eq >= 0) {
            value = body.substring(eq + 1);
            body = body.substring(0, eq);
        }
        String match = null;
        boolean takesArg = false;
        List<String> candidates = new ArrayList<>();
        for (String lo : longOpts) {
            if (lo.startsWith(body)) {
                candidates.add(lo);
            }
        }
        for (String c : candidates) {
            if (c.equals(body) || c.equals(body + "=")) {
                candidates = List.of(c);
                break;
            }
        }
        if (candidates.isEmpty()) {
            throw new GetOptException("option --" + body + " not recognized");
        }
        if (candidates.size() > 1) {
            throw new GetOptException("option --" + body + " not a unique prefix");
        }
        match = candidates.get(0);
        takesArg = match.endsWith("=");
        if (takesArg) {
            match = match.substring(0, match.length() - 1);
        }
        i++;
        if (takesArg) {
            if (value == null) {
                if (i >= args.size()) {
                    throw new GetOptException("option --" + match + " requires argument");
                }
                value = args.get(i++);
            }
        } else if (value != null) {
            throw new GetOptException("option --" + match + " must not have an argument");
        }
        opts.add(new Opt("--" + match, takesArg ? value : ""));
        return i;
    }

    private static int shortOptions(List<String> args, int i, String shortOpts, List<Opt> opts)
            throws GetOptException {
        String cluster = args.get(i).substring(1);
        i++;
        int k = 0;
        while (k < cluster.length()) {
            char c = cluster.charAt(k++);
            int at = shortOpts.indexOf(c);
            if (c == ':' || at < 0) {
                throw new GetOptException("option -" + c + " not recognized");
            }
            boolean takesArg = at + 1 < shortOpts.length() && shortOpts.charAt(at + 1) == ':';
            if (takesArg) {
                String value;
                if (k < cluster.length()) {
                    value = cluster.substring(k);
                } else {
                    if (i >= args.size()) {
                        throw new GetOptException("option -" + c + " requires argument");
                    }
                    value = args.get(i++);
                }
                opts.add(new Opt("-" + c, value));
                return i;
            }
            opts.add(new Opt("-" + c, ""));
        }
        return i;
    }

    /** Python's {@code str(list)} of the leftover arguments, for the positional-arguments error. */
    public static String reprList(List<String> args) {
        return PythonRepr.ofList(args);
    }
}
