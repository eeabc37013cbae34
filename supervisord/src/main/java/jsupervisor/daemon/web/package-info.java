/**
 * Supervisor's web UI (REFERENCE.md §7.4, §8): {@code index.html} (the status table and its actions),
 * {@code tail.html}, {@code ok.html}, our {@code status.json}, and the bundled stylesheet, scripts and icon.
 *
 * <p>Wiring, in {@code ControlPlane}, after the RPC and log tail routes, on every listener (so behind the same
 * Basic authentication):
 * <pre>{@code
 * SessionTokens tokens = SessionTokens.random();           // once per daemon process: survives a reload
 * routes.add(new WebRoute(registry, tokens, log::critical, LocalClock.system()));
 * routes.add(new StaticAssets(Clock.systemUTC().instant()));
 * }</pre>
 *
 * <p>Like Supervisor's {@code web.py}, the pages reach the supervisor only through the RPC registry, in-process
 * ({@link jsupervisor.daemon.web.SupervisorCalls}), on the connection's virtual thread; nothing here touches loop
 * state. Log files are read directly ({@code LogSlice}), as the RPC layer reads them. Every outside string is
 * escaped with {@link jsupervisor.daemon.web.Html} before it reaches a page; templates live in
 * {@code src/main/resources/jsupervisor/daemon/web/}.
 *
 * <p>The one rule Supervisor does not have: nothing changes on a GET. State-changing actions need a same-origin
 * POST with the session's token ({@code ActionGuard}); Supervisor's GET action links answer with a confirmation
 * page. docs/compatibility.md lists every difference.
 */
package jsupervisor.daemon.web;
