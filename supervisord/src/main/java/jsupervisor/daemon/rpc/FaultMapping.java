package jsupervisor.daemon.rpc;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.config.ConfigException;
import jsupervisor.daemon.config.Datatypes;
import jsupervisor.daemon.config.InvalidValueException;
import jsupervisor.daemon.loop.StdinWrite;
import jsupervisor.daemon.process.ResolvedCommand;

/**
 * The one place where domain outcomes (a rejected command, a stop error message, an I/O error, a config error,
 * an unexpected exception) become Supervisor's faults or its HTTP 500, each as {@code rpcinterface.py} maps
 * it. Stateless.
 */
final class FaultMapping {
    private FaultMapping() {}

    /** startProcess's pre-check: NotFound is NO_FILE, every other rejection NOT_EXECUTABLE. */
    static RpcFault commandRejected(ResolvedCommand.Rejected r) {
        return new RpcFault(r.reason() == ResolvedCommand.Reason.NOT_FOUND ? Fault.NO_FILE : Fault.NOT_EXECUTABLE,
                r.message());
    }

    /** {@code msg = process.stop()} / {@code process.signal(sig)} gave an error message. */
    static RpcFault killFailed(String message) {
        return new RpcFault(Fault.FAILED, message);
    }

    /**
     * {@code signal_number(signal)}: {@code int(signal)} first (a float is truncated), else the text as a name; a
     * number or name that is no signal is {@code BAD_SIGNAL: <str(signal)>}. A value that makes Python's
     * {@code int()} and {@code .strip()} both fail (a list, a struct, a time, an infinite float) is a parameter
     * error, where Supervisor answers HTTP 500.
     */
    static int signalNumber(Params p, int index) {
        XmlRpcValue v = p.get(index);
        try {
            if (v instanceof XmlRpcValue.Str || v instanceof XmlRpcValue.Base64) {
                return Datatypes.signalNumber(p.string(index)); // a number in text, or a name
            }
            long n = p.integer(index); // int() of the rest; a type it cannot take is INCORRECT_PARAMETERS
            if (n != (int) n) {
                throw new RpcFault(Fault.BAD_SIGNAL, p.text(index));
            }
            return Datatypes.signalNumber(Long.toString(n));
        } catch (InvalidValueException e) {
            throw new RpcFault(Fault.BAD_SIGNAL, p.text(index));
        }
    }

    /** {@code process.write(chars)} outcomes. */
    static RpcFault stdin(StdinWrite outcome, String name) {
        return switch (outcome) {
            case NOT_RUNNING -> new RpcFault(Fault.NOT_RUNNING, name);
            case BROKEN_PIPE -> new RpcFault(Fault.NO_FILE, name);
            case QUEUED -> throw new IllegalArgumentException("not a failure");
        };
    }

    /** {@code process_config(do_usage=False)} raised: {@code CANT_REREAD: <message>}. */
    static RpcFault configError(ConfigException e) {
        return new RpcFault(Fault.CANT_REREAD, e.getMessage());
    }

    /** readFile's {@code ValueError('FAILED')} on an I/O error. */
    static RpcFault readFailed(IOException e) {
        return new RpcFault(Fault.FAILED);
    }

    /** clearLog: a missing log is NO_FILE, an unlink failure FAILED, both without text. */
    static RpcFault clearLogFailed(IOException e) {
        return new RpcFault(e instanceof NoSuchFileException ? Fault.NO_FILE : Fault.FAILED);
    }

    /** clearProcessLogs: {@code FAILED: <name>}. */
    static RpcFault clearProcessLogsFailed(String name) {
        return new RpcFault(Fault.FAILED, name);
    }

    /** A bulk result's status and description for an outcome ({@code make_allfunc}). */
    static XmlRpcValue.Struct bulkResult(String process, String group, Throwable failure) {
        Throwable t = failure == null ? null : RpcRegistry.unwrap(failure);
        RpcFault fault = t == null ? null : t instanceof RpcFault f ? f : new RpcFault(Fault.FAILED, t.toString());
        return XmlRpcValue.Struct.builder()
                .put("name", process)
                .put("group", group)
                .put("status", fault == null ? Fault.SUCCESS.code() : fault.fault().code())
                .put("description", fault == null ? "OK" : fault.text())
                .build();
    }

    /** A multicall slot for a failed sub-call: its fault, or {@code FAILED: <class>:<message>}. */
    static XmlRpcValue multicallSlot(Throwable failure) {
        Throwable t = RpcRegistry.unwrap(failure);
        if (t instanceof RpcFault f) {
            return f.toXmlRpcFault().toStruct();
        }
        String text = t instanceof RpcServerError ? t.getMessage() : t.getClass().getName() + ":" + t.getMessage();
        return new RpcFault(Fault.FAILED, text).toXmlRpcFault().toStruct();
    }

    /** The answer for a failed call: a fault, or HTTP 500 for anything Supervisor would not have caught. */
    static RpcAnswer toAnswer(Throwable failure) {
        Throwable t = RpcRegistry.unwrap(failure);
        if (t instanceof RpcFault f) {
            return new RpcAnswer.Fault(f.toXmlRpcFault());
        }
        return new RpcAnswer.ServerError(t instanceof RpcServerError ? t.getMessage() : t.toString());
    }

    /**
     * Python's marshaller refuses an int outside 32 bits, so Supervisor answers HTTP 500 (e.g. getAllConfigInfo
     * with a {@code *_logfile_maxbytes} of 2 GiB or more); we keep that rather than send {@code <i8>}.
     */
    static RpcAnswer checkMarshallable(XmlRpcValue value) {
        return fitsInt32(value) ? new RpcAnswer.Value(value)
                : new RpcAnswer.ServerError("int exceeds XML-RPC limits in the result");
    }

    private static boolean fitsInt32(XmlRpcValue v) {
        // instanceof, not a pattern switch: a switch site spins a class at its first run (bench/README.md)
        if (v instanceof XmlRpcValue.Int i) {
            return i.value() == (int) i.value();
        }
        if (v instanceof XmlRpcValue.Array a) {
            for (XmlRpcValue e : a.values()) {
                if (!fitsInt32(e)) {
                    return false;
                }
            }
        } else if (v instanceof XmlRpcValue.Struct s) {
            for (XmlRpcValue e : s.members().values()) {
                if (!fitsInt32(e)) {
                    return false;
                }
            }
        }
        return true;
    }
}
