package jsupervisor.daemon.logging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jsupervisor.common.ini.PythonRepr;

/**
 * The log of one channel (stdout or stderr) of one child process: where the bytes read from its pipe go.
 *
 * <p>Mirrors the logging half of {@code supervisor/dispatchers.py}: {@code POutputDispatcher._log} for programs
 * and {@code PEventListenerDispatcher.handle_read_event} for event listeners. A chunk is written verbatim (no
 * timestamps, no line buffering) to each sink: the rotating file ({@code *_logfile}) and/or syslog
 * ({@code *_syslog}); no sinks at all means {@code NONE}, and the chunk is still mirrored. With
 * {@code strip_ansi=true} ANSI sequences are removed first. When the main log admits DEBG, each chunk is
 * mirrored there as {@code 'name' stdout output:\n<data>} (§5.4); for event listeners the mirror shows the raw
 * bytes' repr ({@code b'READY\n'}) and is taken before stripping, as Supervisor does (Supervisor gives an event
 * listener a log file only, never syslog: the caller decides the sinks).
 *
 * <p>Capture mode ({@code *_capture_maxbytes}) and PROCESS_LOG events belong to the caller: {@link #strip},
 * {@link #writeToSinks} and {@link #mirror} are public so it can compose them as {@code _log} does.
 *
 * <p>Loop-confined: no locks; owned by the process's output dispatcher on the supervisor loop thread.
 */
public final class ChildLog implements AutoCloseable {

    /** What this log is for: the names Supervisor prints, and whether the owner is an event listener. */
    public record Spec(String processName, String channel, boolean stripAnsi, boolean eventListener) {
        public Spec {
            if (!channel.equals("stdout") && !channel.equals("stderr")) {
                throw new IllegalArgumentException("channel must be stdout or stderr, got " + channel);
            }
        }
    }

    private final Spec spec;
    private final List<LogSink> sinks;
    private final DaemonLog mainLog;
    /** Made when the first chunk is mirrored: most daemons never log at debug level. */
    private String mirrorHeader;

    /** A log writing to {@code sinks} (possibly none) and mirroring into {@code mainLog} at DEBG. */
    public ChildLog(Spec spec, List<LogSink> sinks, DaemonLog mainLog) {
        this.spec = spec;
        this.sinks = List.copyOf(sinks);
        this.mainLog = mainLog;
    }

    /**
     * Logs one chunk read from the pipe: strip, write, mirror. Returns the data as logged (stripped when
     * {@code strip_ansi} is on; the same array when nothing changed), which is what PROCESS_LOG events carry.
     */
    public byte[] record(byte[] chunk) {
        if (chunk.length == 0) {
            return chunk; // _log's "if data:"
        }
        if (spec.eventListener()) {
            mirror(chunk); // handle_read_event mirrors the raw bytes before stripping
            byte[] stripped = strip(chunk);
            writeToSinks(stripped);
            return stripped;
        }
        byte[] stripped = strip(chunk);
        writeToSinks(stripped);
        mirror(stripped);
        return stripped;
    }

    /**
     * {@link #record} for a slice of a buffer the caller reuses: in the common case (no strip_ansi, no event
     * listener, no debug mirror) the bytes go straight to the sinks without a copy, which keeps a fast writer
     * from costing an allocation (and young collections) per chunk.
     */
    public void recordSlice(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (writesVerbatim()) {
            for (LogSink sink : sinks) {
                sink.write(buffer, offset, length);
            }
            return;
        }
        record(java.util.Arrays.copyOfRange(buffer, offset, offset + length));
    }

    /**
     * True when a chunk goes to the sinks exactly as read (no strip_ansi, no event listener, no debug mirror), so
     * the caller may hand it over in native memory with {@link #recordVerbatim}.
     */
    public boolean writesVerbatim() {
        return !spec.stripAnsi() && !spec.eventListener() && !mainLog.isEnabled(LogLevel.DEBG);
    }

    /**
     * {@link #record} for a chunk between {@code chunk}'s position and limit, when {@link #writesVerbatim}: a
     * direct buffer reaches a log file with no copy in the daemon. The caller may reuse the buffer afterwards.
     */
    public void recordVerbatim(ByteBuffer chunk) {
        int start = chunk.position();
        for (LogSink sink : sinks) {
            chunk.position(start);
            sink.write(chunk);
        }
    }

    /** Removes ANSI sequences when {@code strip_ansi} is on; otherwise returns {@code chunk} itself. */
    public byte[] strip(byte[] chunk) {
        return spec.stripAnsi() ? AnsiEscapes.strip(chunk) : chunk;
    }

    /** Writes the chunk verbatim to the file and/or syslog. */
    public void writeToSinks(byte[] chunk) {
        for (LogSink sink : sinks) {
            sink.write(chunk);
        }
    }

    /** Logs {@code 'name' stdout output:\n<data>} at DEBG when the main log admits it. */
    public void mirror(byte[] chunk) {
        if (!mainLog.isEnabled(LogLevel.DEBG)) {
            return;
        }
        String data = spec.eventListener() ? PythonRepr.bytes(chunk) : PythonRepr.utf8OrUndecodable(chunk); // dispatchers.py _log
        if (mirrorHeader == null) {
            mirrorHeader = PythonRepr.of(spec.processName()) + " " + spec.channel() + " output:\n";
        }
        mainLog.debug(mirrorHeader + data);
    }

    /** SIGUSR2: reopens every sink ({@code reopenlogs}). */
    public void reopen() {
        for (LogSink sink : sinks) {
            sink.reopen();
        }
    }

    /**
     * {@code clearProcessLogs} ({@code removelogs}): empties the log file; backups stay. Throws when the file
     * cannot be deleted. Syslog has nothing to clear.
     */
    public void clear() throws IOException {
        for (LogSink sink : sinks) {
            if (sink instanceof RotatingFileSink file) {
                file.clear();
            }
        }
    }

    /** The log file, if this channel has one: readers ({@code readProcessStdoutLog}, tail) open it. */
    public Optional<Path> file() {
        return sinks.stream().filter(RotatingFileSink.class::isInstance).map(s -> ((RotatingFileSink) s).path())
                .findFirst();
    }

    @Override
    public void close() {
        for (LogSink sink : sinks) {
            sink.close();
        }
    }
}
