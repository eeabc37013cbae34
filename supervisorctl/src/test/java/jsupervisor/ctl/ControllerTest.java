package jsupervisor.ctl;

import static org.assertj.core.api.Assertions.assertThat;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.testing.Session;
import org.junit.jupiter.api.Test;

class ControllerTest {

    @Test
    void unknownCommandsAndEmptyLines() {
        Session s = new Session();
        assertThat(s.run("frobnicate now")).isEqualTo("*** Unknown syntax: frobnicate now\n");
        assertThat(s.exitStatus()).isEqualTo(1);
        assertThat(s.run("   ")).isEmpty();
        assertThat(s.run("!ls")).isEqualTo("*** Unknown syntax: !ls\n");
    }

    @Test
    void questionMarkIsHelp() {
        Session s = new Session();
        assertThat(s.run("?version")).isEqualTo("version\t\t\tShow the version of the remote supervisord process\n");
    }

    @Test
    void nonInteractive401RunsTheCommandOnceMore() {
        Session s = new Session();
        s.rpc.on("getVersion", p -> {
            throw new ProtocolError(401, "Unauthorized");
        });
        assertThat(s.run("status")).isEqualTo("Server requires authentication\n"
                + "error: <class 'xmlrpc.client.ProtocolError'>, <ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>:"
                + " file: /usr/lib/python3/dist-packages/supervisor/xmlrpc.py line: 539\n");
        assertThat(s.exitStatus()).isEqualTo(1);
        assertThat(s.rpc.calls).containsExactly("getVersion()", "getVersion()");
    }

    @Test
    void interactive401AsksForCredentialsAndRetries() {
        Session s = new Session(true, "alice\ns3cret\n");
        int[] calls = {0};
        s.rpc.on("getVersion", p -> {
            if (calls[0]++ == 0) {
                throw new ProtocolError(401, "Unauthorized");
            }
            return XmlRpcValue.of("3.0");
        });
        s.rpc.returns("getSupervisorVersion", XmlRpcValue.of("4.2.5"));
        assertThat(s.run("version")).isEqualTo("Server requires authentication\nUsername:\n4.2.5\n");
        assertThat(s.stderr()).endsWith("Warning: Password input may be echoed.\nPassword:\n")
                .startsWith("/usr/lib/python3.11/getpass.py:91: GetPassWarning: Can not control echo on the terminal.\n");
        assertThat(s.ctl.username()).isEqualTo("alice");
        assertThat(s.ctl.password()).isEqualTo("s3cret");
    }

    @Test
    void upcheckReportsWrongApiAndMissingNamespace() {
        Session s = new Session();
        s.rpc.returns("getVersion", XmlRpcValue.of("2.0"));
        assertThat(s.run("version")).isEqualTo("Sorry, this version of supervisorctl expects to talk to a server "
                + "with API version 3.0, but the remote version is 2.0.\n");
        assertThat(s.exitStatus()).isEqualTo(5);
        s.rpc.fails("getVersion", 1, "UNKNOWN_METHOD");
        assertThat(s.run("pid")).startsWith("Sorry, supervisord responded but did not recognize");
        assertThat(s.exitStatus()).isEqualTo(3);
    }

    @Test
    void otherFaultsBecomeTheCatchAllLine() {
        Session s = new Session();
        s.rpc.fails("getVersion", 6, "SHUTDOWN_STATE");
        assertThat(s.run("status")).isEqualTo("error: <class 'xmlrpc.client.Fault'>, <Fault 6: 'SHUTDOWN_STATE'>: "
                + "file: /usr/lib/python3.11/xmlrpc/client.py line: 668\n");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void refusedConnectionIsFourAndMissingSocketSeven() {
        Session s = new Session();
        s.rpc.on("getVersion", p -> {
            throw PythonError.unixSocket(PythonError.ECONNREFUSED, "Connection refused");
        });
        assertThat(s.run("start x")).isEqualTo("unix:///tmp/fake.sock refused connection\n");
        assertThat(s.exitStatus()).isEqualTo(4);
        s.rpc.on("getVersion", p -> {
            throw PythonError.unixSocket(PythonError.ENOENT, "No such file or directory");
        });
        assertThat(s.run("start x")).isEqualTo("unix:///tmp/fake.sock no such file\n");
        assertThat(s.exitStatus()).isEqualTo(7);
    }

    @Test
    void quitAndEofEndTheShell() {
        Session s = new Session();
        assertThat(s.ctl.onecmd("quit")).isTrue();
        assertThat(s.ctl.onecmd("EOF")).isTrue();
        assertThat(s.ctl.onecmd("help")).isFalse();
    }
}
