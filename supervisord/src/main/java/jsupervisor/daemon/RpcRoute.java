package jsupervisor.daemon;

import java.io.IOException;
import java.util.concurrent.ExecutionException;

import jsupervisor.common.ini.PythonRepr;
import jsupervisor.common.xmlrpc.XmlRpcCall;
import jsupervisor.common.xmlrpc.XmlRpcParseException;
import jsupervisor.common.xmlrpc.XmlRpcReader;
import jsupervisor.daemon.http.HttpRequest;
import jsupervisor.daemon.http.HttpResponse;
import jsupervisor.daemon.http.Route;
import jsupervisor.daemon.logging.DaemonLog;
import jsupervisor.daemon.rpc.RpcAnswer;
import jsupervisor.daemon.rpc.RpcRegistry;

/**
 * {@code /RPC2}: XML-RPC over HTTP POST (REFERENCE.md §6.1, §7.1). An unparseable body is a 400, as Supervisor's
 * {@code xmlrpc.py} answers; a value or fault is a 200 {@code text/xml}; an unexpected failure is a 500 and a
 * CRIT line. Runs on the connection's virtual thread and blocks only on the call's future, which the loop
 * completes.
 */
final class RpcRoute implements Route {
    private static final String PATH = "/RPC2";


    /** A bound on any one call, waits included, so no connection thread waits forever on a loop that ended. */
    private static final long CALL_TIMEOUT_MINUTES = 30;

    private final RpcRegistry registry;
    private final DaemonLog log;
    private final Object inFlightLock = new Object();
    private int inFlight;

    public RpcRoute(RpcRegistry registry, DaemonLog log) {
        this.registry = registry;
        this.log = log;
    }

    @Override
    public boolean matches(HttpRequest request) {
        return request.path().startsWith(PATH);
    }

    @Override
    public void handle(HttpRequest request, HttpResponse response) throws IOException {
        synchronized (inFlightLock) {
            inFlight++;
        }
        try {
            serve(request, response);
        } finally {
            synchronized (inFlightLock) {
                inFlight--;
                inFlightLock.notifyAll();
            }
        }
    }

    /**
     * Waits until no call is being served, at most {@code timeout}: the answer to {@code shutdown} or
     * {@code restart} must reach the client before the server closes.
     */
    public void awaitIdle(java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                inFlightLock.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void serve(HttpRequest request, HttpResponse response) throws IOException {
        if (!request.method().equals("POST")) {
            response.sendError(400);
            return;
        }
        if (request.contentLength() < 0) {
            response.sendError(411);
            return;
        }
        XmlRpcCall call;
        try {
            call = new XmlRpcReader().readMethodCall(request.body());
        } catch (XmlRpcParseException e) {
            // Supervisor's words and level; the body as Python's repr of it
            String why = e.noMethodName() ? "no method name" : "unmarshallable";
            log.error("XML-RPC request data " + PythonRepr.ofText(request.body()) + " is invalid: " + why);
            response.sendError(400);
            return;
        }
        log.trace("XML-RPC method called: " + call.methodName() + "()");
        RpcAnswer answer;
        try {
            answer = registry.call(call).get(CALL_TIMEOUT_MINUTES, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(500);
            return;
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            answer = new RpcAnswer.ServerError(String.valueOf(e));
        }
        byte[] body = answer.body();
        if (body == null) {
            log.critical("XML-RPC method " + call.methodName() + " failed: "
                    + ((RpcAnswer.ServerError) answer).detail());
            response.sendError(500);
            return;
        }
        if (answer instanceof RpcAnswer.Fault f) {
            log.trace("XML-RPC method " + call.methodName() + "() returned fault: [" + f.fault().faultCode() + "] "
                    + f.fault().faultString());
        } else {
            log.trace("XML-RPC method " + call.methodName() + "() returned successfully");
        }
        response.send(200, "text/xml", body);
    }
}
