package jsupervisor.daemon.process.testing;

import java.util.ArrayList;
import java.util.List;

import jsupervisor.daemon.process.SignalResult;
import jsupervisor.daemon.process.SignalSender;

/**
 * Records signals as {@code kill(target, sig)} targets (negative for a process group, as in
 * {@code os.kill(-pid, sig)}) and answers {@link SignalResult#SENT} unless told otherwise. Single-threaded.
 */
public final class FakeSignalSender implements SignalSender {
    /** One recorded call: {@code target} is -pgid for a group. */
    public record Sent(int target, int signal) {}

    private final List<Sent> sent = new ArrayList<>();
    private SignalResult answer = SignalResult.SENT;

    @Override
    public SignalResult signalProcess(int pid, int signal) {
        sent.add(new Sent(pid, signal));
        return answer;
    }

    @Override
    public SignalResult signalGroup(int pgid, int signal) {
        sent.add(new Sent(-pgid, signal));
        return answer;
    }

    /** Every later call answers {@code result}. */
    public void answer(SignalResult result) {
        this.answer = result;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }
}
