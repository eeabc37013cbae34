package jsupervisor.daemon.loop;

import jsupervisor.daemon.posix.PosixException;
import jsupervisor.daemon.posix.Signals;
import jsupervisor.daemon.process.SignalResult;
import jsupervisor.daemon.process.SignalSender;

/** Signals children with kill(2); ESRCH is the expected "it just exited" case, not an error. */
public final class PosixSignalSender implements SignalSender {
    private static final SignalResult NO_SUCH_PROCESS = new SignalResult.NoSuchProcess("[Errno 3] No such process");

    @Override
    public SignalResult signalProcess(int pid, int signal) {
        try {
            return Signals.kill(pid, signal) ? SignalResult.SENT : NO_SUCH_PROCESS;
        } catch (PosixException e) {
            return new SignalResult.Failed(e.getMessage());
        }
    }

    @Override
    public SignalResult signalGroup(int pgid, int signal) {
        try {
            return Signals.killProcessGroup(pgid, signal) ? SignalResult.SENT : NO_SUCH_PROCESS;
        } catch (PosixException e) {
            return new SignalResult.Failed(e.getMessage());
        }
    }
}
