package jsupervisor.daemon.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.process.Subprocess;

/**
 * The group and "all" variants of start/stop/signal; mirrors {@code rpcinterface.py make_allfunc}. The
 * single-process method is called for every process the predicate admits; results that are ready at once come
 * first in visit order, then waiting ones in completion order, each as a {@code {name, group, status,
 * description}} struct. Loop-confined: built and completed on the loop thread.
 */
final class BulkCall {
    private BulkCall() {}

    static CompletableFuture<XmlRpcValue> run(List<Subprocess> processes, Predicate<Subprocess> predicate,
                                              Function<String, CompletableFuture<XmlRpcValue>> single) {
        List<XmlRpcValue> results = new ArrayList<>();
        List<Runnable> waiting = new ArrayList<>();
        CompletableFuture<XmlRpcValue> all = new CompletableFuture<>();
        int[] pending = {0};
        for (Subprocess p : processes) {
            if (!predicate.test(p)) {
                continue;
            }
            CompletableFuture<XmlRpcValue> one;
            try {
                one = single.apply(ProcessNames.namespec(p));
            } catch (RpcFault e) {
                if (e.fault() == Fault.INCORRECT_PARAMETERS) {
                    // a param Python could not use raises a plain exception, which make_allfunc does not catch:
                    // the whole call fails (HTTP 500 there, this fault here), not each process
                    throw e;
                }
                one = CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                one = CompletableFuture.failedFuture(e);
            }
            if (one.isDone()) {
                one.whenComplete((v, t) -> results.add(FaultMapping.bulkResult(p.name(), p.groupName(), t)));
                continue;
            }
            pending[0]++;
            CompletableFuture<XmlRpcValue> waited = one;
            waiting.add(() -> waited.whenComplete((v, t) -> {
                results.add(FaultMapping.bulkResult(p.name(), p.groupName(), t));
                if (--pending[0] == 0) {
                    all.complete(XmlRpcValue.array(results));
                }
            }));
        }
        if (pending[0] == 0) {
            all.complete(XmlRpcValue.array(results));
        }
        // attach only now, so a wait that completes meanwhile cannot overtake the immediate results
        waiting.forEach(Runnable::run);
        return all;
    }
}
