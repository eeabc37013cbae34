package jsupervisor.daemon.rpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jsupervisor.common.api.Fault;
import jsupervisor.common.api.SupervisorStateCode;
import jsupervisor.common.api.Versions;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The methods about supervisord itself: versions, identification, state, pid, the main log, shutdown, restart
 * and sendRemoteCommEvent; mirrors {@code supervisor/rpcinterface.py}. Each runs its state check on the loop;
 * the main-log read then continues on {@code fileReads}.
 */
final class DaemonMethods {
    private final LoopCalls calls;
    private final String identifier;
    private final String logfile;
    private final Executor fileReads;
    private final RemoteCommunication remoteComm;

    /** @param logfile the configured main {@code logfile} ({@code syslog} has no file) */
    DaemonMethods(LoopCalls calls, String identifier, String logfile, Executor fileReads,
                  RemoteCommunication remoteComm) {
        this.calls = calls;
        this.identifier = identifier;
        this.logfile = logfile;
        this.fileReads = fileReads;
        this.remoteComm = remoteComm;
    }

    /** A constant answer that still needs the state check. */
    CompletableFuture<XmlRpcValue> checked(XmlRpcValue answer) {
        return calls.run(() -> answer);
    }

    CompletableFuture<XmlRpcValue> getAPIVersion() {
        return checked(XmlRpcValue.of(Versions.API_VERSION));
    }

    CompletableFuture<XmlRpcValue> getSupervisorVersion() {
        return checked(XmlRpcValue.of(Versions.SUPERVISOR_VERSION));
    }

    CompletableFuture<XmlRpcValue> getIdentification() {
        return checked(XmlRpcValue.of(identifier));
    }

    CompletableFuture<XmlRpcValue> getState() {
        return calls.run(() -> calls.loop().mood().toStruct());
    }

    CompletableFuture<XmlRpcValue> getPID() {
        return checked(XmlRpcValue.of(ProcessHandle.current().pid()));
    }

    /**
     * NO_FILE with the configured value when the log has no file ({@code NO_FILE: syslog}) or its file is
     * missing, then readFile.
     */
    CompletableFuture<XmlRpcValue> readLog(long offset, long length) {
        return calls.run(() -> calls.loop().mainLog().file().orElseThrow(() -> new RpcFault(Fault.NO_FILE, logfile)))
                .thenApplyAsync(path -> {
                    if (!Files.exists(path)) {
                        throw new RpcFault(Fault.NO_FILE, path.toString());
                    }
                    return XmlRpcValue.of(LogFileReader.read(path, offset, length));
                }, fileReads);
    }

    CompletableFuture<XmlRpcValue> clearLog() {
        return calls.run(() -> {
            Path file = calls.loop().mainLog().file().orElseThrow(() -> new RpcFault(Fault.NO_FILE));
            if (!Files.exists(file)) {
                throw new RpcFault(Fault.NO_FILE);
            }
            try {
                calls.loop().mainLog().clear();
            } catch (IOException e) {
                throw FaultMapping.clearLogFailed(e);
            }
            return XmlRpcValue.of(true);
        });
    }

    /** The answer goes out before any process stops: the loop only starts stopping at its next pass. */
    CompletableFuture<XmlRpcValue> shutdown() {
        return calls.run(() -> {
            calls.loop().requestStop(SupervisorStateCode.SHUTDOWN);
            return XmlRpcValue.of(true);
        });
    }

    CompletableFuture<XmlRpcValue> restart() {
        return calls.run(() -> {
            calls.loop().requestStop(SupervisorStateCode.RESTARTING);
            return XmlRpcValue.of(true);
        });
    }

    /** No state check here, as in Supervisor. */
    CompletableFuture<XmlRpcValue> sendRemoteCommEvent(String type, String data) {
        return calls.onLoop(() -> {
            remoteComm.send(type, data);
            return LoopCalls.value(XmlRpcValue.of(true));
        });
    }
}
