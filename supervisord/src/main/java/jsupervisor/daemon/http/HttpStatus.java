package jsupervisor.daemon.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Medusa's status vocabulary: reason phrases, the error page and the {@code Date:} format. Stateless.
 *
 * <p>Mirrors supervisor/medusa/http_server.py {@code http_request.responses} and
 * {@code DEFAULT_ERROR_MESSAGE}, plus 431 (which medusa never sends because it has no header cap).
 */
public final class HttpStatus {
    /** What every response carries in {@code Server:}, as medusa's RCS id makes it. */
    public static final String SERVER = "Medusa/1.12";

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"), Map.entry(200, "OK"),
            Map.entry(201, "Created"), Map.entry(202, "Accepted"), Map.entry(203, "Non-Authoritative Information"),
            Map.entry(204, "No Content"), Map.entry(205, "Reset Content"), Map.entry(206, "Partial Content"),
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"),
            Map.entry(302, "Moved Temporarily"), Map.entry(303, "See Other"), Map.entry(304, "Not Modified"),
            Map.entry(305, "Use Proxy"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"),
            Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Time-out"),
            Map.entry(409, "Conflict"), Map.entry(410, "Gone"), Map.entry(411, "Length Required"),
            Map.entry(412, "Precondition Failed"), Map.entry(413, "Request Entity Too Large"),
            Map.entry(414, "Request-URI Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(431, "Request Header Fields Too Large"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Time-out"), Map.entry(505, "HTTP Version not supported"));

    // medusa's http_date.build_http_date: always two-digit days, English names, GMT. Written by hand rather than
    // with a DateTimeFormatter, whose text fields load the JDK's locale data on a daemon's first response.
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpStatus() {}

    /** The reason phrase, e.g. {@code Not Found}; codes outside medusa's table get {@code Unknown}. */
    public static String reason(int code) {
        return REASONS.getOrDefault(code, "Unknown");
    }

    /** Medusa's error page for {@code code}, byte for byte (CRLF line ends). */
    public static byte[] errorPage(int code) {
        String page = "<head>\r\n<title>Error response</title>\r\n</head>\r\n<body>\r\n<h1>Error response</h1>\r\n"
                + "<p>Error code " + code + ".\r\n<p>Message: " + reason(code) + ".\r\n</body>\r\n";
        return page.getBytes(StandardCharsets.US_ASCII);
    }

    /** An RFC 1123 date as medusa writes it: {@code Tue, 24 Nov 2026 06:43:02 GMT}. */
    public static String date(Instant when) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(when.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder b = new StringBuilder(29).append(DAYS[t.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(b, t.getDayOfMonth()).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ')
                .append(t.getYear()).append(' ');
        twoDigits(b, t.getHour()).append(':');
        twoDigits(b, t.getMinute()).append(':');
        return twoDigits(b, t.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int value) {
        return b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
