package jsupervisor.ctl;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jsupervisor.common.api.Fault;
import jsupervisor.common.ini.PythonRepr;
import jsupervisor.common.xmlrpc.XmlRpcFault;
import jsupervisor.common.xmlrpc.XmlRpcTypeException;

/**
 * The command interpreter: mirrors {@code supervisorctl.Controller} (a {@code cmd.Cmd}). It parses a line into
 * a command word and argument, runs the command, turns any failure into the reference's catch-all
 * {@code error: ...} line, handles HTTP 401 as the reference does, and keeps the session's server URL,
 * credentials and exit status. Owned by the main thread; commands run one at a time.
 */
public final class Controller {
    /** Builds the transport for the current URL and credentials; tests pass a fake. */
    @FunctionalInterface
    public interface RpcFactory {
        Rpc open(String serverurl, String username, String password);
    }

    private static final String CLIENT_PY = "/usr/lib/python3.11/xmlrpc/client.py line: 668";
    private static final String TRANSPORT_PY = "/usr/lib/python3/dist-packages/supervisor/xmlrpc.py line: 539";

    private final Output out;
    private final RpcFactory rpcFactory;
    private final Map<String, CtlCommand> commands = new LinkedHashMap<>();
    private LineInput input;
    private String serverurl;
    private String username;
    private String password;
    private final boolean interactive;
    private int exitStatus = ExitStatus.SUCCESS;

    public Controller(CtlOptions options, Output out, LineInput input, RpcFactory rpcFactory) {
        this.out = out;
        this.input = input;
        this.rpcFactory = rpcFactory;
        this.serverurl = options.serverurl();
        this.username = options.username();
        this.password = options.password();
        this.interactive = options.interactive();
    }

    /** Registers commands; later registrations of a name replace earlier ones. */
    public void register(List<CtlCommand> list) {
        for (CtlCommand c : list) {
            commands.put(c.name(), c);
        }
    }

    public Map<String, CtlCommand> commands() {
        return commands;
    }

    public Output out() {
        return out;
    }

    public void output(String message) {
        out.line(message);
    }

    public LineInput input() {
        return input;
    }

    /** The shell swaps in its terminal reader. */
    public void setInput(LineInput input) {
        this.input = input;
    }

    public boolean interactive() {
        return interactive;
    }

    public String serverurl() {
        return serverurl;
    }

    public void setServerurl(String serverurl) {
        this.serverurl = serverurl;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public int exitStatus() {
        return exitStatus;
    }

    public void setExitStatus(int status) {
        this.exitStatus = status;
    }

    /** A fresh proxy, as {@code get_supervisor()} makes one per use. */
    public Supervisor supervisor() {
        return new Supervisor(rpcFactory.open(serverurl, username, password));
    }

    /** Mirrors {@code set_exitstatus_from_xmlrpc_fault}. */
    public void setExitStatusFromFault(int faultCode, int ignored) {
        if (faultCode == ignored || faultCode == Fault.SUCCESS.code()) {
            return;
        }
        if (faultCode == Fault.SPAWN_ERROR.code() || faultCode == Fault.ABNORMAL_TERMINATION.code()
                || faultCode == Fault.NOT_RUNNING.code()) {
            exitStatus = ExitStatus.NOT_RUNNING;
        } else {
            exitStatus = ExitStatus.GENERIC;
        }
    }

    /** {@link #setExitStatusFromFault(int, int)} with nothing ignored. */
    public void setExitStatusFromFault(int faultCode) {
        setExitStatusFromFault(faultCode, Fault.SUCCESS.code());
    }

    /**
     * Mirrors {@code upcheck()}: asks for the API version; false (after printing why) when the server is
     * unreachable or incompatible. Other failures propagate to the catch-all.
     */
    public boolean upcheck() throws Exception {
        try {
            String api = supervisor().getVersion();
            if (!api.equals("3.0")) {
                output("Sorry, this version of supervisorctl expects to talk to a server with API version 3.0, "
                        + "but the remote version is " + api + ".");
                exitStatus = ExitStatus.NOT_INSTALLED;
                return false;
            }
        } catch (XmlRpcFault e) {
            if (e.faultCode() == Fault.UNKNOWN_METHOD.code()) {
                output("Sorry, supervisord responded but did not recognize the supervisor namespace commands "
                        + "that supervisorctl uses to control it.  Please check that the [rpcinterface:supervisor] "
                        + "section is enabled in the configuration file (see sample.conf).");
                exitStatus = ExitStatus.UNIMPLEMENTED_FEATURE;
                return false;
            }
            exitStatus = ExitStatus.GENERIC;
            throw e;
        } catch (PythonError e) {
            if (e.errno() == PythonError.ECONNREFUSED) {
                output(serverurl + " refused connection");
                exitStatus = ExitStatus.INSUFFICIENT_PRIVILEGES;
                return false;
            } else if (e.errno() == PythonError.ENOENT) {
                output(serverurl + " no such file");
                exitStatus = ExitStatus.NOT_RUNNING;
                return false;
            }
            exitStatus = ExitStatus.GENERIC;
            throw e;
        }
        return true;
    }

    /** Mirrors {@code onecmd}: runs one line; true when the shell should end. */
    public boolean onecmd(String rawLine) {
        String line = CommandLine.strip(rawLine);
        if (line.isEmpty()) {
            return false;
        }
        if (line.charAt(0) == '?') {
            line = "help " + line.substring(1);
        }
        int i = CommandLine.identEnd(line);
        String word = line.substring(0, i);
        String arg = CommandLine.strip(line.substring(i));
        CtlCommand command = word.isEmpty() ? null : commands.get(word);
        if (command == null) {
            output("*** Unknown syntax: " + line);
            exitStatus = ExitStatus.GENERIC;
            return false;
        }
        try {
            try {
                return command.action().run(arg);
            } catch (ProtocolError e) {
                if (e.status() != 401) {
                    exitStatus = ExitStatus.GENERIC;
                    throw e;
                }
                output("Server requires authentication");
                if (interactive) {
                    try {
                        username = input.readLine("Username:");
                    } catch (java.io.EOFException eof) {
                        throw PythonError.eof(212);
                    }
                    try {
                        password = input.readPassword("Password:");
                    } catch (java.io.EOFException eof) {
                        throw PythonError.getpassEof();
                    }
                    output("");
                    return onecmd(line);
                }
                exitStatus = ExitStatus.GENERIC;
            }
            // mirrors the reference, which runs the command once more after a non-interactive 401
            command.action().run(arg);
        } catch (Shell.ShellInterrupted e) {
            throw e;
        } catch (Exception e) {
            output(errorLine(e));
            exitStatus = ExitStatus.GENERIC;
        }
        return false;
    }

    /** The catch-all line of {@code onecmd}: {@code error: <class '...'>, <str>: file: ... line: ...}. */
    static String errorLine(Exception e) {
        String cls;
        String text;
        String where;
        switch (e) {
            case XmlRpcFault f -> {
                cls = "xmlrpc.client.Fault";
                text = "<Fault " + f.faultCode() + ": " + PythonRepr.of(f.faultString()) + ">";
                where = CLIENT_PY;
            }
            case ProtocolError p -> {
                cls = "xmlrpc.client.ProtocolError";
                text = p.getMessage();
                where = TRANSPORT_PY;
            }
            case PythonError p -> {
                cls = p.pythonClass();
                text = p.text();
                where = p.where();
            }
            case java.io.EOFException eof -> {
                cls = "EOFError";
                text = "EOF when reading a line";
                where = "/usr/lib/python3/dist-packages/supervisor/supervisorctl.py line: 1009";
            }
            case XmlRpcTypeException t -> {
                // an answer of a type the command cannot use: Python fails on it with a TypeError somewhere in
                // supervisorctl.py; the place differs by command and is not reproduced
                cls = "TypeError";
                text = t.getMessage();
                where = "/usr/lib/python3/dist-packages/supervisor/supervisorctl.py line: ?";
            }
            default -> {
                cls = e.getClass().getName();
                text = String.valueOf(e.getMessage());
                where = "?";
            }
        }
        return "error: <class '" + cls + "'>, " + text + ": file: " + where;
    }
}
