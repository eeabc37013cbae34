package jsupervisor.daemon.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jsupervisor.common.ini.EntryPointSpec;

/**
 * Builds the process groups: {@code [group:x]} sections first, then programs not claimed by a group, then
 * event listener pools, then fcgi programs, sorted by (priority, name) at the end; mirrors
 * {@code ServerOptions.process_groups_from_parser}, including which pool-level errors carry no section suffix.
 * Confined to one load.
 */
final class GroupsReader {
    private static final Pattern TCP_SOCKET = Pattern.compile("tcp://([^\\s:]+):(\\d+)$");

    private final OptionSource src;
    private final OsDatatypes os;
    private final ProgramSectionReader programs;
    private final String here;

    GroupsReader(OptionSource src, OsDatatypes os, ProgramSectionReader programs, String here) {
        this.src = src;
        this.os = os;
        this.programs = programs;
        this.here = here;
    }

    List<GroupConfig> read() throws ConfigException {
        List<String> sections = src.document().sectionNames();
        Map<String, Object> common = Map.of("here", here);
        List<GroupConfig> groups = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (String s : sections) {
            if (s.startsWith("group:")) {
                groups.add(heterogeneous(s, sections, claimed, common));
            }
        }
        for (String s : sections) {
            if (s.startsWith("program:") && !claimed.contains(s)) {
                String name = src.convert(s, null, after(s), Datatypes::processOrGroupName);
                int priority = src.read(s, "priority", "999", common, Datatypes::int32);
                groups.add(new GroupConfig(GroupKind.PROGRAM, name, priority, programs.read(s, name), null, null));
            }
        }
        for (String s : sections) {
            if (s.startsWith("eventlistener:")) {
                groups.add(listenerPool(s, common));
            }
        }
        for (String s : sections) {
            if (s.startsWith("fcgi-program:") && !claimed.contains(s)) {
                groups.add(fcgi(s, common));
            }
        }
        groups.sort(PriorityOrdered::byPriorityThenName);
        return groups;
    }

    private static String after(String section) {
        return section.substring(section.indexOf(':') + 1);
    }

    private GroupConfig heterogeneous(String s, List<String> sections, Set<String> claimed, Map<String, Object> common)
            throws ConfigException {
        String name = src.convert(s, null, after(s), Datatypes::processOrGroupName);
        List<String> members = Datatypes.listOfStrings(src.get(s, "programs", null, common));
        int priority = src.read(s, "priority", "999", common, Datatypes::int32);
        List<ProcessConfig> processes = new ArrayList<>();
        // Supervisor reuses its loop variable: after the first member, messages name that member's section
        String named = s;
        for (String program : members) {
            String programSection = "program:" + program;
            String fcgiSection = "fcgi-program:" + program;
            boolean isProgram = sections.contains(programSection);
            boolean isFcgi = sections.contains(fcgiSection);
            if (!isProgram && !isFcgi) {
                throw src.error(s, "programs", "[" + named + "] names unknown program or fcgi-program " + program);
            }
            if (isProgram && isFcgi) {
                throw src.error(s, "programs",
                        "[" + named + "] name " + program + " is ambiguous (exists as program and fcgi-program)");
            }
            String member = isProgram ? programSection : fcgiSection;
            claimed.add(member);
            named = member;
            processes.addAll(programs.read(member, name));
        }
        return new GroupConfig(GroupKind.GROUP, name, priority, processes, null, null);
    }

    private GroupConfig listenerPool(String s, Map<String, Object> common) throws ConfigException {
        String poolName = after(s);
        int priority = src.read(s, "priority", "-1", common, Datatypes::int32);
        int bufferSize = src.read(s, "buffer_size", "10", common, Datatypes::int32);
        if (bufferSize < 1) {
            throw src.error(s, "buffer_size", "[" + s + "] section sets invalid buffer_size (" + bufferSize + ")");
        }
        String handler = src.get(s, "result_handler", EventListenerPoolSettings.DEFAULT_RESULT_HANDLER, common);
        if (!handler.equals(EventListenerPoolSettings.DEFAULT_RESULT_HANDLER)) {
            // a Python entry point cannot be loaded on the JVM; Supervisor's wording for an unresolvable one
            throw src.error(s, "result_handler", EntryPointSpec.unresolvable(handler, s));
        }
        Set<String> events = new LinkedHashSet<>();
        for (String e : Datatypes.listOfStrings(src.get(s, "events", "", common))) {
            events.add(e.toUpperCase(Locale.ROOT));
        }
        if (events.isEmpty()) {
            throw src.sectionError(s, "[" + s + "] section requires an \"events\" line");
        }
        for (String e : events) {
            if (!EventTypeNames.ALL.contains(e)) {
                throw src.error(s, "events", "Unknown event type " + e + " in [" + s + "] events");
            }
        }
        boolean redirect = src.read(s, "redirect_stderr", "false", common, Datatypes::bool);
        if (redirect) {
            throw src.error(s, "redirect_stderr", "[" + s + "] section sets redirect_stderr=true but this is not "
                    + "allowed because it will interfere with the eventlistener protocol");
        }
        List<ProcessConfig> processes = programs.read(s, poolName);
        return new GroupConfig(GroupKind.EVENTLISTENER, poolName, priority, processes,
                new EventListenerPoolSettings(bufferSize, List.copyOf(events), handler), null);
    }

    private GroupConfig fcgi(String s, Map<String, Object> common) throws ConfigException {
        String name = src.convert(s, null, after(s), Datatypes::processOrGroupName);
        int priority = src.read(s, "priority", "999", common, Datatypes::int32);
        String user = src.get(s, "user", null, common);
        Integer procUid = user == null ? null : src.convert(s, "user", user, os::nameToUid);
        String backlogText = src.get(s, "socket_backlog", null, common);
        Integer backlog = null;
        if (backlogText != null) {
            backlog = src.convert(s, "socket_backlog", backlogText, Datatypes::int32);
            if (backlog < 1 || backlog > 65535) {
                throw src.error(s, "socket_backlog", "Invalid socket_backlog value " + backlog);
            }
        }
        String ownerText = src.get(s, "socket_owner", null, common);
        int[] owner = null;
        if (ownerText != null) {
            try {
                owner = os.userAndGroup(ownerText);
            } catch (InvalidValueException e) {
                throw src.error(s, "socket_owner", "Invalid socket_owner value " + ownerText);
            }
        }
        String modeText = src.get(s, "socket_mode", null, common);
        Integer mode = null;
        if (modeText != null) {
            try {
                mode = Datatypes.octal(modeText);
            } catch (InvalidValueException e) {
                throw src.error(s, "socket_mode", "Invalid socket_mode value " + modeText);
            }
        }
        Map<String, Object> fcgiNames = new java.util.HashMap<>(common);
        fcgiNames.put("program_name", name);
        String socket = src.get(s, "socket", null, fcgiNames);
        if (socket == null || socket.isEmpty()) {
            throw src.sectionError(s, "[" + s + "] section requires a \"socket\" line");
        }
        FcgiSocketConfig socketConfig = fcgiSocket(s, socket, procUid, owner, mode, backlog);
        return new GroupConfig(GroupKind.FCGI_PROGRAM, name, priority, programs.read(s, name), null, socketConfig);
    }

    /** {@code parse_fcgi_socket}; its errors are rendered as Python tuples (a Supervisor quirk kept as is). */
    private FcgiSocketConfig fcgiSocket(String s, String sock, Integer procUid, int[] owner, Integer mode,
                                        Integer backlog) throws ConfigException {
        if (sock.startsWith("unix://")) {
            String path = sock.substring(7);
            if (!path.startsWith("/")) {
                throw src.error(s, "socket", "('Unix socket path %s is not an absolute path', "
                        + jsupervisor.common.ini.PythonRepr.of(path) + ") in [" + s + "] socket");
            }
            path = os.normalizePath(path);
            int[] o = owner;
            if (o == null && procUid != null && procUid != os.currentUid()) {
                o = new int[] {procUid, os.gidForUid(procUid)};
            }
            return new FcgiSocketConfig("unix://" + path, path, null, 0, o == null ? -1 : o[0], o == null ? -1 : o[1],
                    mode == null ? 0700 : mode, backlog);
        }
        if (owner != null || mode != null) {
            throw src.error(s, owner != null ? "socket_owner" : "socket_mode", "socket_owner and socket_mode params "
                    + "should only be used with a Unix domain socket in [" + s + "] socket");
        }
        Matcher m = TCP_SOCKET.matcher(sock);
        if (m.find() && m.start() == 0) {
            String host = m.group(1).toLowerCase(Locale.ROOT);
            long port = Long.parseLong(m.group(2).length() > 9 ? "99999" : m.group(2));
            if (port < 1 || port > 65535) {
                throw src.error(s, "socket", (port < 1 ? port + " is below lower bound (1)"
                        : port + " is above upper bound (65535)") + " in [" + s + "] socket");
            }
            return new FcgiSocketConfig("tcp://" + host + ":" + port, null, host, (int) port, -1, -1, null, backlog);
        }
        throw src.error(s, "socket", "('Bad socket format %s', " + jsupervisor.common.ini.PythonRepr.of(sock)
                + ") in [" + s + "] socket");
    }
}
