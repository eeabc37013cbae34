package jsupervisor.daemon.rpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jsupervisor.common.api.Fault;
import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.config.ChannelConfig;
import jsupervisor.daemon.config.LogTarget;
import jsupervisor.daemon.loop.StdinWrite;
import jsupervisor.daemon.process.ProcessInfoView;
import jsupervisor.daemon.process.Subprocess;

/**
 * The per-process queries and I/O methods: getProcessInfo, getAllProcessInfo, read/tail/clear of child logs and
 * sendProcessStdin; mirrors {@code supervisor/rpcinterface.py}. Lookups run on the loop through
 * {@link LoopCalls}; the log file reads then continue on {@code fileReads}, off the loop.
 */
final class ProcessIo {
    private final LoopCalls calls;
    private final ProcessNames names;
    private final Executor fileReads;

    ProcessIo(LoopCalls calls, ProcessNames names, Executor fileReads) {
        this.calls = calls;
        this.names = names;
        this.fileReads = fileReads;
    }

    CompletableFuture<XmlRpcValue> getProcessInfo(String name) {
        return calls.run(() -> struct(names.process(name).info()));
    }

    CompletableFuture<XmlRpcValue> getAllProcessInfo() {
        return calls.run(() -> XmlRpcValue.array(names.lexical().stream().map(p -> struct(p.info())).toList()));
    }

    /** The wire struct, members in Supervisor's order (see {@link ProcessInfo#toStruct()}). */
    static XmlRpcValue struct(ProcessInfoView v) {
        return new ProcessInfo(v.name(), v.group(), v.description(), v.start(), v.stop(), v.now(), v.state(),
                v.statename(), v.spawnerr(), v.exitstatus(), v.logfile(), v.stdoutLogfile(), v.stderrLogfile(),
                v.pid()).toStruct();
    }

    CompletableFuture<XmlRpcValue> readLog(String name, long offset, long length, boolean stdout) {
        return calls.run(() -> existingLog(name, stdout))
                .thenApplyAsync(path -> XmlRpcValue.of(LogFileReader.read(path, offset, length)), fileReads);
    }

    /** {@code _readProcessLog}'s checks: BAD_NAME, then NO_FILE (with the path, or alone when none is set). */
    private Path existingLog(String name, boolean stdout) {
        String file = logfile(names.process(name), stdout);
        if (file == null || !Files.exists(Path.of(file))) {
            throw new RpcFault(Fault.NO_FILE, file);
        }
        return Path.of(file);
    }

    CompletableFuture<XmlRpcValue> tailLog(String name, long offset, long length, boolean stdout) {
        return calls.run(() -> {
            String file = logfile(names.process(name), stdout);
            return file == null ? "" : file;
        }).thenApplyAsync(file -> file.isEmpty() || !Files.exists(Path.of(file))
                ? XmlRpcValue.array(XmlRpcValue.of(""), XmlRpcValue.of(0), XmlRpcValue.of(false))
                : LogFileReader.tail(Path.of(file), offset, length), fileReads);
    }

    /** The configured log path of a channel, or null ({@code process.config.<channel>_logfile}). */
    private static String logfile(Subprocess p, boolean stdout) {
        ChannelConfig c = stdout ? p.config().stdout() : p.config().stderr();
        return c.logfile().kind() == LogTarget.Kind.FILE ? c.logfile().path() : null;
    }

    CompletableFuture<XmlRpcValue> clearProcessLogs(String name) {
        return calls.run(() -> {
            clear(names.process(name), name);
            return XmlRpcValue.of(true);
        });
    }

    private void clear(Subprocess p, String name) {
        try {
            calls.loop().clearLogs(p);
        } catch (IOException e) {
            throw FaultMapping.clearProcessLogsFailed(name);
        }
    }

    /** Supervisor clears one process per tick; we clear all in one command, in the same (priority) order. */
    CompletableFuture<XmlRpcValue> clearAllProcessLogs() {
        return calls.run(() -> {
            List<XmlRpcValue> results = new ArrayList<>();
            for (Subprocess p : names.byPriority()) {
                RuntimeException failure = null;
                try {
                    clear(p, ProcessNames.namespec(p));
                } catch (RpcFault e) {
                    failure = e;
                }
                results.add(FaultMapping.bulkResult(p.name(), p.groupName(), failure));
            }
            return XmlRpcValue.array(results);
        });
    }

    /** The chars check comes after the state check and before the name lookup, as in Supervisor. */
    CompletableFuture<XmlRpcValue> sendProcessStdin(String name, Params params) {
        return calls.run(() -> {
            if (!(params.get(1) instanceof XmlRpcValue.Str) && !(params.get(1) instanceof XmlRpcValue.Base64)) {
                throw new RpcFault(Fault.INCORRECT_PARAMETERS, params.text(1));
            }
            byte[] chars = params.string(1).getBytes(StandardCharsets.UTF_8);
            Subprocess p = names.process(name);
            StdinWrite outcome = calls.loop().writeStdin(p, chars);
            if (outcome != StdinWrite.QUEUED) {
                throw FaultMapping.stdin(outcome, name);
            }
            return XmlRpcValue.of(true);
        });
    }
}
