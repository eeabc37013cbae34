package jsupervisor.daemon.process.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import jsupervisor.daemon.config.GroupConfig;
import jsupervisor.daemon.config.GroupKind;
import jsupervisor.daemon.config.ProcessConfig;
import jsupervisor.daemon.process.ChildEnvironment;
import jsupervisor.daemon.process.ProcessGroup;
import jsupervisor.daemon.process.ProcessServices;
import jsupervisor.daemon.process.ProgramResolver;
import jsupervisor.daemon.process.Subprocess;

/**
 * All the fakes wired into {@link ProcessServices}, like Supervisor's {@code DummyOptions}. The file system
 * knows {@code /bin/cat}, {@code /bin/sleep} and {@code /bin/sh}; supervisord's PATH is {@code /usr/bin:/bin}.
 * Single-threaded.
 */
public final class ProcessFixture {
    public final FakeClock clock = new FakeClock();
    public final FakeSpawner spawner = new FakeSpawner();
    public final FakeSignalSender signals = new FakeSignalSender();
    public final RecordingMainLog log = new RecordingMainLog();
    public final RecordingStateListener listener = new RecordingStateListener();
    public final FakeFileSystem fileSystem = new FakeFileSystem()
            .program("/bin/cat").program("/bin/sleep").program("/bin/sh");
    public final Map<String, String> supervisordEnvironment = new LinkedHashMap<>(
            Map.of("PATH", "/usr/bin:/bin"));
    public String serverUrl = "unix:///tmp/supervisor.sock";
    /** The supervisor mood: true for RUNNING, false for SHUTDOWN/RESTARTING. */
    public boolean startsAllowed = true;

    public ProcessServices services() {
        return new ProcessServices(spawner, signals, clock, log, listener,
                new ProgramResolver(fileSystem, supervisordEnvironment),
                new ChildEnvironment(supervisordEnvironment, serverUrl), () -> startsAllowed);
    }

    /** A process in a homogeneous group named after it. */
    public Subprocess process(ProcessConfig config) {
        return new Subprocess(config, config.name(), services());
    }

    public Subprocess process(ProcessConfigBuilder builder) {
        return process(builder.build());
    }

    public ProcessGroup group(String name, int priority, ProcessConfig... configs) {
        return new ProcessGroup(new GroupConfig(GroupKind.GROUP, name, priority, java.util.List.of(configs),
                null, null), services());
    }
}
