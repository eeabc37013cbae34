package jsupervisor.it.ctl;

import java.util.regex.Pattern;

/**
 * Hides what legitimately differs between two runs against twin daemons: pids, uptimes, dates and
 * timestamps, the daemons' directories and ports, and the program path in usage messages. Stateless.
 */
final class Masks {
    private static final Pattern PID = Pattern.compile("pid \\d+");
    private static final Pattern BARE_PID = Pattern.compile("(?m)^[1-9][0-9]*$");
    private static final Pattern UPTIME =
            Pattern.compile("uptime \\d+:\\d\\d:\\d\\d|uptime \\d+ days?, \\d+:\\d\\d:\\d\\d");
    private static final Pattern DATE = Pattern.compile("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d [AP]M");
    private static final Pattern STAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}");

    private Masks() {}

    static String apply(String text, Twin.Side side) {
        String s = text;
        s = s.replace(side.client().path.toString(), "<ARGV0>");
        s = s.replace(side.cwd().toString(), "<DIR>");
        if (side.daemon() != null) {
            s = s.replace(Integer.toString(side.daemon().port), "<PORT>");
        }
        s = PID.matcher(s).replaceAll("pid <PID>");
        s = BARE_PID.matcher(s).replaceAll("<PID>");
        s = UPTIME.matcher(s).replaceAll("uptime <UPTIME>");
        s = DATE.matcher(s).replaceAll("<DATE>");
        s = STAMP.matcher(s).replaceAll("<STAMP>");
        return s;
    }
}
