/**
 * supervisord's HTTP server, hand-written on blocking NIO channels (DESIGN.md "HTTP and XML-RPC"): unix and
 * TCP listeners ({@link jsupervisor.daemon.http.HttpServer}), one virtual thread per connection, Basic
 * authentication ({@link jsupervisor.daemon.http.BasicAuth}) and medusa's wire habits ({@code Server:
 * Medusa/1.12}, its error pages, its persistence rules) so clients see what Supervisor 4.2.5 sends.
 *
 * <p>It knows a {@link jsupervisor.daemon.http.Route} interface and nothing else: XML-RPC, log tails and the
 * web UI plug in as routes. Wiring, in supervisord's start-up order (REFERENCE.md section 3.2 step 8):
 * <pre>{@code
 * HttpServer server = new HttpServer(List.of(rpcRoute, logtailRoute, mainlogtailRoute, uiRoute, staticRoute),
 *         HttpLimits.DEFAULTS, notices, Clock.systemUTC());
 * for (HttpServerConfig c : inetSectionsThenUnixSections) {
 *     server.open(c);                      // HttpServerException: print its message as a usage error
 *     if (c.username() == null) log.critical(BasicAuth.unauthenticatedWarning(c.section()));
 * }
 * server.start();                          // once the routes can serve
 * ...
 * server.close();                          // shutdown or reload: unlinks the socket files
 * }</pre>
 * A route reads {@link jsupervisor.daemon.http.HttpRequest#body()} (already read, capped), answers with
 * {@link jsupervisor.daemon.http.HttpResponse#send}, {@code sendError} or {@code stream}, and runs on the
 * connection's thread: it may block on a loop command's future, never touches loop state itself.
 */
package jsupervisor.daemon.http;
