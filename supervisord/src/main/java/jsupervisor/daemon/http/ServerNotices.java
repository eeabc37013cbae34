package jsupervisor.daemon.http;

/**
 * What the server has to tell the daemon, which owns the log; supplied by the caller. Called from
 * connection and accept threads, so implementations must be thread-safe and must not block for long.
 */
public interface ServerNotices {
    /**
     * A line Supervisor writes straight to stderr, not to its log: {@code Unlinking stale socket <file>}
     * (no trailing newline here).
     */
    void stderr(String line);

    /**
     * A route threw, or returned without answering. Supervisor logs such failures at ERRO as
     * {@code Server Error: <type>, <value>: file: <f> line: <n>}.
     */
    void routeFailed(HttpRequest request, Throwable error);

    /** Notices that go nowhere, for tests and tools. */
    static ServerNotices silent() {
        return new ServerNotices() {
            @Override
            public void stderr(String line) {}

            @Override
            public void routeFailed(HttpRequest request, Throwable error) {}
        };
    }
}
