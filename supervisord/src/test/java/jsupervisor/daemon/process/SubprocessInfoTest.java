package jsupervisor.daemon.process;

import static jsupervisor.daemon.process.testing.ProcessConfigBuilder.program;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jsupervisor.daemon.config.AutoRestart;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.process.testing.FakeClock;
import jsupervisor.daemon.process.testing.ProcessFixture;

/** The getProcessInfo view of a live Subprocess. */
class SubprocessInfoTest {
    private static final int T0 = (int) FakeClock.DEFAULT_WALL_SECONDS;

    private final ProcessFixture fx = new ProcessFixture();

    @Test
    void neverStarted() {
        ProcessInfoView v = fx.process(program("web").autostart(false)).info();

        assertThat(v).isEqualTo(new ProcessInfoView("web", "web", 0, 0, T0, 0, "", 0, "", "", 0, "Not started"));
        assertThat(v.statename()).isEqualTo("STOPPED");
    }

    @Test
    void runningShowsPidAndUptime() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        fx.clock.advanceSeconds(3725.5);
        p.transition();

        ProcessInfoView v = p.info();

        assertThat(v.start()).isEqualTo(T0);
        assertThat(v.now()).isEqualTo(T0 + 3725);
        assertThat(v.pid()).isEqualTo(1000);
        assertThat(v.statename()).isEqualTo("RUNNING");
        assertThat(v.description()).isEqualTo("pid 1000, uptime 1:02:05");
    }

    @Test
    void exitedShowsStopTimeExitstatusAndSpawnerr() {
        Subprocess p = fx.process(program("web").autorestart(AutoRestart.FALSE));
        p.transition();
        fx.clock.advanceSeconds(90);
        p.transition();
        p.finish(ExitStatus.exited(3));

        ProcessInfoView v = p.info();

        assertThat(v.stop()).isEqualTo(T0 + 90);
        assertThat(v.exitstatus()).isEqualTo(3);
        assertThat(v.spawnerr()).isEqualTo("Bad exit code 3");
        assertThat(v.pid()).isZero();
        assertThat(v.description()).isEqualTo("Nov 24 05:01 AM");
    }

    @Test
    void logfilesArePathsOrEmpty() {
        ChannelConfig file = new ChannelConfig(LogTarget.file("/var/log/web.log"), 0, 0, 0, false, false);
        ChannelConfig none = new ChannelConfig(LogTarget.NONE, 0, 0, 0, false, false);
        ProcessInfoView v = fx.process(program("web").stdout(file).stderr(none)).info();

        assertThat(v.stdoutLogfile()).isEqualTo("/var/log/web.log");
        assertThat(v.logfile()).isEqualTo("/var/log/web.log");
        assertThat(v.stderrLogfile()).isEmpty();
    }

    @Test
    void startingAndStoppingHaveEmptyDescriptions() {
        Subprocess p = fx.process(program("web"));
        p.transition();
        assertThat(p.info().description()).isEmpty();
        p.stop();
        assertThat(p.info().statename()).isEqualTo("STOPPING");
        assertThat(p.info().description()).isEmpty();
    }
}
