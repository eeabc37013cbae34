package jsupervisor.daemon.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import jsupervisor.common.api.ProcessInfo;
import jsupervisor.common.api.Versions;
import jsupervisor.common.xmlrpc.XmlRpcValue;
import jsupervisor.daemon.http.HttpRequest;
import jsupervisor.daemon.http.HttpResponse;
import jsupervisor.daemon.http.Route;
import jsupervisor.daemon.rpc.RpcAnswer;
import jsupervisor.daemon.rpc.RpcRegistry;

/**
 * The web UI's views (REFERENCE.md §7.1 item 4, §8): {@code index.html} (also {@code /}), {@code tail.html},
 * {@code ok.html}, and our {@code status.json}, matched for GET and POST when the path without its leading
 * slashes is exactly one of them. It sits behind the server's Basic authentication like every route, on every
 * listener.
 *
 * <p>Actions follow Supervisor's texts and redirects, with one rule added: nothing changes on a GET. An old
 * action link answers with a confirmation page; the action itself needs a same-origin POST with the session's
 * token ({@link ActionGuard}), after which the browser is sent to {@code /?message=...} (303) or, for the page's
 * script, gets {@code {"message": ...}}. Runs on connection threads; thread-safe.
 */
public final class WebRoute implements Route {
    private static final Set<String> VIEWS = Set.of("index.html", "tail.html", "ok.html", "status.json");
    private static final String HTML = "text/html;charset=utf-8";
    private static final String JSON = "application/json;charset=utf-8";
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final SupervisorCalls calls;
    private final ActionRunner runner;
    private final ActionGuard guard;
    private final Clock clock;

    /**
     * @param registry the daemon's RPC registry (the same methods {@code /RPC2} serves)
     * @param tokens   the daemon's session tokens, which outlive a reload
     * @param errors   the main log's CRIT level, for failures Supervisor would answer with HTTP 500
     * @param clock    the time and local zone of the page's messages and footer
     */
    public WebRoute(RpcRegistry registry, SessionTokens tokens, Consumer<String> errors, Clock clock) {
        this.calls = new SupervisorCalls(registry, errors);
        this.runner = new ActionRunner(calls, new Messages(clock));
        this.guard = new ActionGuard(tokens);
        this.clock = clock;
    }

    /** The view a path names, or null: leading slashes stripped, the empty path being {@code index.html}. */
    static String view(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        String name = i == path.length() ? "index.html" : path.substring(i);
        return VIEWS.contains(name) ? name : null;
    }

    @Override
    public boolean matches(HttpRequest request) {
        return (request.method().equals("GET") || request.method().equals("POST")) && view(request.path()) != null;
    }

    @Override
    public void handle(HttpRequest request, HttpResponse response) throws IOException {
        if (request.method().equals("POST") && request.contentLength() < 0) {
            response.sendError(411); // medusa's collector insists on a length, as for /RPC2
            return;
        }
        Form form = Form.parse(request.query(), request.body());
        switch (view(request.path())) {
            case "ok.html" -> response.send(200, "text/plain", "OK");
            case "tail.html" -> tail(form, response);
            case "status.json" -> json(response);
            default -> index(request, form, response);
        }
    }

    private void index(HttpRequest request, Form form, HttpResponse response) throws IOException {
        Optional<String> name = form.get("action");
        if (name.isEmpty()) {
            status(request, form.get("message").orElse(null), response);
            return;
        }
        Optional<Action> parsed = Action.of(name.get());
        if (parsed.isEmpty()) {
            refuse(request, response, 400, "Unknown action", "There is no action named '" + name.get() + "'.");
            return;
        }
        Action action = parsed.get();
        String namespec = form.get("processname").orElse(null);
        if (action.perProcess() && namespec == null) {
            refuse(request, response, 400, "No process name",
                    "The action '" + action.wireName() + "' needs a processname.");
            return;
        }
        if (!action.changesState()) {
            redirect(request, response, 301, runner.run(action, namespec));
            return;
        }
        if (request.method().equals("GET")) {
            String token = token(request, response);
            page(response, 200, NoticePage.confirm(action, namespec, token));
            return;
        }
        ActionGuard.Refusal refusal = guard.check(request, form.get("token").orElse(null));
        if (refusal != null) {
            refuse(request, response, 403, "Action refused", refusal.text());
            return;
        }
        String message = runner.run(action, namespec);
        if (wantsJson(request)) {
            json(response, 200, Json.object("message", message));
        } else {
            redirect(request, response, 303, message);
        }
    }

    private void status(HttpRequest request, String message, HttpResponse response) throws IOException {
        SupervisorCalls.Rows rows = calls.rows();
        String shown = message != null ? message : rows.error();
        String year = Integer.toString(clock.instant().atZone(clock.getZone()).getYear());
        String token = token(request, response);
        page(response, 200, StatusPage.render(shown, rows.rows(), token, Versions.SUPERVISOR_VERSION, year));
    }

    private void json(HttpResponse response) throws IOException {
        SupervisorCalls.Rows rows = calls.rows();
        if (rows.error() != null) {
            json(response, 503, StatusJson.error(rows.error()));
        } else {
            json(response, 200, StatusJson.render(rows.rows()));
        }
    }

    private void tail(Form form, HttpResponse response) throws IOException {
        String namespec = form.get("processname").orElse(null);
        boolean stderr = form.get("channel").filter("stderr"::equals).isPresent();
        long limit = TailPage.limit(form.get("limit").orElse(null));
        TailPage.View view;
        if (namespec == null) {
            view = new TailPage.View(null, stderr, limit, "No process name found", -1);
        } else {
            view = tailOf(namespec, stderr, limit);
        }
        page(response, 200, TailPage.render(view));
    }

    /** Supervisor's texts: the log's end, {@code No file for <ns>}, or {@code ERROR: unexpected rpc fault ...}. */
    private TailPage.View tailOf(String namespec, boolean stderr, long limit) {
        RpcAnswer answer = calls.call("supervisor.getProcessInfo", XmlRpcValue.of(namespec));
        if (!(answer instanceof RpcAnswer.Value value)) {
            String text = answer instanceof RpcAnswer.Fault f ? "ERROR: " + Messages.unexpected(f.fault())
                    : Messages.describeFailure(answer);
            return new TailPage.View(namespec, stderr, limit, text, -1);
        }
        ProcessInfo info = ProcessInfo.fromStruct((XmlRpcValue.Struct) value.value());
        String file = stderr ? info.stderrLogfile() : info.stdoutLogfile();
        String noFile = "No file for " + namespec;
        if (file.isEmpty() || !Files.exists(Path.of(file))) {
            return new TailPage.View(namespec, stderr, limit, noFile, -1);
        }
        try {
            LogSlice slice = LogSlice.read(Path.of(file), limit);
            return new TailPage.View(namespec, stderr, limit, slice.text(), slice.size());
        } catch (IOException e) {
            // gone between the check and the read (a rotation's rename, a clear): same as missing
            return new TailPage.View(namespec, stderr, limit, noFile, -1);
        }
    }

    /** The request's session, or a new one whose cookie this response sets; then its form token. */
    private String token(HttpRequest request, HttpResponse response) {
        List<String> sessions = ActionGuard.sessions(request);
        String id;
        if (sessions.isEmpty()) {
            id = guard.tokens().newSessionId();
            response.header("Set-Cookie", SessionTokens.cookie(id));
        } else {
            id = sessions.getFirst();
        }
        return guard.tokens().token(id, request.authenticatedUser());
    }

    private void refuse(HttpRequest request, HttpResponse response, int status, String title, String text)
            throws IOException {
        if (wantsJson(request)) {
            json(response, status, Json.object("error", text));
        } else {
            page(response, status, NoticePage.refusal(title, text));
        }
    }

    /**
     * Supervisor's redirect after an action: {@code Location: http://<Host>/?message=<quoted>} with medusa's
     * error page as the body (301 for Supervisor's GET refresh, 303 after our POSTs so the browser then GETs).
     */
    private static void redirect(HttpRequest request, HttpResponse response, int status, String message)
            throws IOException {
        viewHeaders(response);
        response.header("Location", serverUrl(request) + "/?message=" + Html.quote(message));
        response.sendError(status);
    }

    /** Mirrors {@code supervisor/http.py get_server_url}: the Host header, else the listener's name and port. */
    static String serverUrl(HttpRequest request) {
        String host = request.header("Host");
        if (host != null && !host.isBlank()) {
            return "http://" + host.strip();
        }
        return "http://" + request.listener().serverName() + ":" + request.listener().port();
    }

    private static boolean wantsJson(HttpRequest request) {
        String accept = request.header("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static void page(HttpResponse response, int status, String html) throws IOException {
        viewHeaders(response);
        response.send(status, HTML, html);
    }

    private static void json(HttpResponse response, int status, String json) throws IOException {
        response.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        response.send(status, JSON, json);
    }

    /** Supervisor's no-cache trio, plus the headers that keep other sites from framing or sniffing our pages. */
    private static void viewHeaders(HttpResponse response) {
        response.header("Pragma", "no-cache")
                .header("Cache-Control", "no-cache")
                .header("Expires", "Thu, 01 Jan 1970 00:00:00 GMT")
                .header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin");
    }
}
