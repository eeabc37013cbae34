package jsupervisor.ctl.commands;

import static org.assertj.core.api.Assertions.assertThat;

import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.ctl.testing.Session;
import org.junit.jupiter.api.Test;

class LogCommandsTest {
    private final Session s = new Session();

    @Test
    void tailReadsTheLastBytesOfAChannel() {
        s.rpc.on("readProcessStderrLog", p -> XmlRpcValue.of("err text"));
        assertThat(s.run("tail -100 x STDERR")).isEqualTo("err text\n");
        assertThat(s.rpc.calls).contains("readProcessStderrLog(x, -100, 0)");
    }

    @Test
    void tailArgumentErrors() {
        assertThat(s.run("tail x bogus")).isEqualTo("Error: bad channel 'bogus'\n");
        assertThat(s.run("tail -z x")).isEqualTo("Error: bad argument -z\n");
        assertThat(s.run("tail -5")).isEqualTo("Error: tail requires process name\n");
        assertThat(s.run("tail")).startsWith("Error: too few arguments\ntail [-f] <name>");
        assertThat(s.exitStatus()).isEqualTo(1);
    }

    @Test
    void tailFaults() {
        s.rpc.fails("readProcessStdoutLog", 20, "NO_FILE: x");
        assertThat(s.run("tail x")).isEqualTo("x: ERROR (no log file)\n");
        s.rpc.fails("readProcessStdoutLog", 10, "BAD_NAME: x");
        assertThat(s.run("tail x")).isEqualTo("x: ERROR (no such process name)\n");
    }

    @Test
    void maintailAndClear() {
        s.rpc.on("readLog", p -> XmlRpcValue.of("log"));
        assertThat(s.run("maintail -5")).isEqualTo("log\n");
        assertThat(s.rpc.calls).contains("readLog(-5, 0)");
        assertThat(s.run("maintail 5")).isEqualTo("Error: bad argument 5\n");
        s.rpc.fails("clearProcessLogs", 10, "BAD_NAME: g");
        assertThat(s.run("clear g:")).isEqualTo("g:None: ERROR (no such process)\n");
    }

    @Test
    void pythonIntAcceptsWhatIntAccepts() {
        assertThat(LogCommands.pythonInt("+10")).isEqualTo(10);
        assertThat(LogCommands.pythonInt("1_000")).isEqualTo(1000);
        assertThat(LogCommands.pythonInt("x")).isNull();
        assertThat(LogCommands.pythonInt("")).isNull();
    }
}
