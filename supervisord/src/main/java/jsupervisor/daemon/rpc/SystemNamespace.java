package jsupervisor.daemon.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jsupervisor.common.api.Fault;
import jsupervisor.common.xmlrpc.PythonValueText;
import jsupervisor.common.xmlrpc.XmlRpcValue;

/**
 * The {@code system.*} methods; mirrors {@code supervisor/xmlrpc.py SystemNamespaceRPCInterface}. Stateless
 * apart from its registry, so thread-safe.
 *
 * <p>{@code multicall} runs its sub-calls one after another: a waiting sub-call holds back the rest until it
 * completes, as Supervisor's single pending callback does. Each result slot is the raw value, not wrapped in a
 * one-element array whatever the docstring says (REFERENCE §12 item 13), or a fault struct.
 */
final class SystemNamespace {
    private static final String MULTICALL = "system.multicall";

    private final RpcRegistry registry;

    SystemNamespace(RpcRegistry registry) {
        this.registry = registry;
    }

    List<RpcMethod> methods() {
        return List.of(
                RpcMethod.of("system.listMethods", "array", List.of(), p -> done(listMethods())),
                RpcMethod.of("system.methodHelp", "string", List.of("string"), p -> done(methodHelp(p))),
                RpcMethod.of("system.methodSignature", "array", List.of("string"), p -> done(methodSignature(p))),
                RpcMethod.of(MULTICALL, "array", List.of("array"), this::multicall));
    }

    private static CompletableFuture<XmlRpcValue> done(XmlRpcValue v) {
        return CompletableFuture.completedFuture(v);
    }

    private XmlRpcValue listMethods() {
        return XmlRpcValue.array(registry.methodNames().stream().map(XmlRpcValue::of).toList());
    }

    private XmlRpcValue methodHelp(Params p) {
        // Python compares the name with each method name, so a non-string never matches
        String name = p.get(0) instanceof XmlRpcValue.Str s ? s.value() : null;
        return XmlRpcValue.of(registry.doc(name == null ? "" : name)
                .orElseThrow(() -> new RpcFault(Fault.SIGNATURE_UNSUPPORTED)));
    }

    private XmlRpcValue methodSignature(Params p) {
        String name = p.get(0) instanceof XmlRpcValue.Str s ? s.value() : "";
        RpcMethod m = registry.method(name).orElseThrow(() -> new RpcFault(Fault.SIGNATURE_UNSUPPORTED));
        return XmlRpcValue.array(m.signature().stream().map(XmlRpcValue::of).toList());
    }

    private CompletableFuture<XmlRpcValue> multicall(Params p) {
        if (!(p.get(0) instanceof XmlRpcValue.Array calls)) {
            throw new RpcFault(Fault.INCORRECT_PARAMETERS);
        }
        for (XmlRpcValue call : calls.values()) {
            if (!(call instanceof XmlRpcValue.Struct)) {
                // Python dies of call.get() on a non-dict: an unexpected exception, HTTP 500
                throw new RpcServerError("multicall element is not a struct: " + call.typeName());
            }
        }
        List<XmlRpcValue> results = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (XmlRpcValue call : calls.values()) {
            chain = chain.thenCompose(ignored -> one((XmlRpcValue.Struct) call).thenAccept(results::add));
        }
        return chain.thenApply(ignored -> XmlRpcValue.array(results));
    }

    /** One sub-call; never fails: a fault becomes its fault struct. */
    private CompletableFuture<XmlRpcValue> one(XmlRpcValue.Struct call) {
        CompletableFuture<XmlRpcValue> result;
        if (!call.has("methodName")) {
            result = CompletableFuture.failedFuture(new RpcFault(Fault.INCORRECT_PARAMETERS, "No methodName"));
        } else if (!(call.get("methodName") instanceof XmlRpcValue.Str name)) {
            // Python splits the name at its dots: any other type raises this, which the multicall reports
            result = CompletableFuture.failedFuture(new RpcServerError("<class 'AttributeError'>:'"
                    + PythonValueText.typeName(call.get("methodName")) + "' object has no attribute 'split'"));
        } else if (name.value().equals(MULTICALL)) {
            result = CompletableFuture.failedFuture(
                    new RpcFault(Fault.INCORRECT_PARAMETERS, "Recursive system.multicall forbidden"));
        } else if (call.has("params") && !(call.get("params") instanceof XmlRpcValue.Array)) {
            result = CompletableFuture.failedFuture(new RpcFault(Fault.INCORRECT_PARAMETERS));
        } else {
            List<XmlRpcValue> params = call.has("params") ? call.get("params").asList() : List.of();
            result = registry.invoke(name.value(), params);
        }
        return result.handle((value, failure) -> failure == null ? value : FaultMapping.multicallSlot(failure));
    }
}
