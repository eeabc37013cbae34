package jsupervisor.daemon.http;

/**
 * One request header line as received: the name keeps its case (lookups ignore it), the value is stripped of
 * surrounding whitespace, and folded continuation lines are already joined. Immutable.
 */
public record HttpHeader(String name, String value) {}
