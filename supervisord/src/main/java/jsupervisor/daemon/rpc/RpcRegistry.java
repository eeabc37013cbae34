package jsupervisor.daemon.rpc;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.XmlRpcCall;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The XML-RPC dispatcher: an explicit table from {@code namespace.method} to handler, with the checks of
 * {@code supervisor/xmlrpc.py traverse}. A name that is not exactly two dotted parts, whose method starts with
 * {@code _}, or that is not in the table is UNKNOWN_METHOD; there is no reflection or attribute lookup at all
 * (CVE-2017-11610 came from traversing attributes). A wrong param count is INCORRECT_PARAMETERS, as Python's
 * {@code TypeError} makes it.
 *
 * <p>Thread-safe and immutable after construction: the HTTP layer calls {@link #call} from any connection
 * thread. The returned future may complete on the supervisor loop thread, so dependants must not block: attach
 * them with the {@code *Async} variants, or simply {@code join()} on the connection's own thread.
 */
public final class RpcRegistry {
    private final SortedMap<String, RpcMethod> methods;

    /** The given namespace methods plus the {@code system.*} ones, which need this registry. */
    public RpcRegistry(List<RpcMethod> namespaceMethods) {
        SortedMap<String, RpcMethod> table = new TreeMap<>();
        for (RpcMethod m : namespaceMethods) {
            add(table, m);
        }
        for (RpcMethod m : new SystemNamespace(this).methods()) {
            add(table, m);
        }
        this.methods = java.util.Collections.unmodifiableSortedMap(table);
    }

    private static void add(SortedMap<String, RpcMethod> table, RpcMethod m) {
        if (table.putIfAbsent(m.name(), m) != null) {
            throw new IllegalArgumentException("duplicate method " + m.name());
        }
    }

    /** Runs one call; the future never fails, every outcome is an {@link RpcAnswer}. */
    public CompletableFuture<RpcAnswer> call(XmlRpcCall call) {
        return call(call.methodName(), call.params());
    }

    /** Runs one call; the future never fails, every outcome is an {@link RpcAnswer}. */
    public CompletableFuture<RpcAnswer> call(String methodName, List<XmlRpcValue> params) {
        return invoke(methodName, params).handle((value, failure) -> failure == null
                ? FaultMapping.checkMarshallable(value)
                : FaultMapping.toAnswer(failure));
    }

    /** Runs one call; a fault completes the future exceptionally with an {@link RpcFault}. */
    CompletableFuture<XmlRpcValue> invoke(String methodName, List<XmlRpcValue> params) {
        try {
            RpcMethod method = lookup(methodName);
            if (!method.accepts(params.size())) {
                throw new RpcFault(Fault.INCORRECT_PARAMETERS);
            }
            return method.handler().call(new Params(params));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RpcMethod lookup(String methodName) {
        String[] parts = methodName.split("\\.", -1);
        // security: exactly namespace.method (CVE-2017-11610), and never a private name
        if (parts.length != 2 || parts[1].startsWith("_")) {
            throw new RpcFault(Fault.UNKNOWN_METHOD);
        }
        RpcMethod method = methods.get(methodName);
        if (method == null) {
            throw new RpcFault(Fault.UNKNOWN_METHOD);
        }
        return method;
    }

    /** Every public method name, sorted ({@code system.listMethods}). */
    public List<String> methodNames() {
        return List.copyOf(methods.keySet());
    }

    Optional<RpcMethod> method(String name) {
        return Optional.ofNullable(methods.get(name));
    }

    /** The docstring {@code system.methodHelp} returns. */
    Optional<String> doc(String name) {
        return methods.containsKey(name) ? MethodDocs.shared().of(name).or(() -> Optional.of("None")) : Optional.empty();
    }

    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
