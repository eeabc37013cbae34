package jsupervisor.daemon.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** medusa's http_request.done() persistence rules and header layout, against a recording wire. */
class HttpResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-04T06:43:02Z"), ZoneOffset.UTC);

    private static RequestHead head(String text) throws Exception {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return RequestHead.parse(bytes, bytes.length);
    }

    @Test
    void rpcAnswerLooksLikeMedusas() throws Exception {
        RecordingWire wire = new RecordingWire();
        HttpResponse response = new HttpResponse(wire, CLOCK, head("POST /RPC2 HTTP/1.1\r\nHost: x\r\n"));
        response.send(200, "text/xml", "<x/>");
        assertThat(wire.text()).isEqualTo("HTTP/1.1 200 OK\r\nServer: Medusa/1.12\r\nDate: D\r\n"
                + "Content-Type: text/xml\r\nContent-Length: 4\r\n\r\n<x/>");
        assertThat(response.keepAlive()).isTrue();
    }

    @Test
    void dateHasTwoDigitDays() {
        assertThat(HttpStatus.date(CLOCK.instant())).isEqualTo("Wed, 04 Nov 2026 06:43:02 GMT");
    }

    @Test
    void dateMatchesTheJdksEnglishFormatEverywhere() {
        java.time.format.DateTimeFormatter jdk = java.time.format.DateTimeFormatter
                .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US).withZone(java.time.ZoneOffset.UTC);
        java.util.Random random = new java.util.Random(11);
        java.util.List<java.time.Instant> instants = new java.util.ArrayList<>(java.util.List.of(
                java.time.Instant.EPOCH, java.time.Instant.parse("2024-02-29T23:59:59.999Z"),
                java.time.Instant.parse("2026-12-31T00:00:00Z"), java.time.Instant.parse("2100-03-01T12:00:00Z")));
        for (int i = 0; i < 10_000; i++) {
            instants.add(java.time.Instant.ofEpochSecond(random.nextLong(7_258_118_400L), random.nextInt(1_000_000_000)));
        }
        for (java.time.Instant t : instants) {
            assertThat(HttpStatus.date(t)).as("%s", t).isEqualTo(jdk.format(t));
        }
    }

    @Test
    void http10PersistsOnlyWhenAskedAndTheLengthIsKnown() throws Exception {
        HttpResponse plain = new HttpResponse(new RecordingWire(), CLOCK, head("GET / HTTP/1.0\r\n"));
        plain.send(200, null, "x");
        assertThat(plain.keepAlive()).isFalse();

        RecordingWire wire = new RecordingWire();
        HttpResponse asked = new HttpResponse(wire, CLOCK, head("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n"));
        asked.send(200, null, "x");
        assertThat(asked.keepAlive()).isTrue();
        assertThat(wire.text()).contains("Content-Length: 1\r\nConnection: Keep-Alive\r\n\r\nx");
    }

    @Test
    void http11ClosesWhenTheClientSaysSo() throws Exception {
        RecordingWire wire = new RecordingWire();
        HttpResponse response = new HttpResponse(wire, CLOCK, head("GET / HTTP/1.1\r\nConnection: close\r\n"));
        response.sendError(404);
        assertThat(response.keepAlive()).isFalse();
        // as medusa: the client asked, so no Connection header comes back
        assertThat(wire.text()).doesNotContain("Connection");
    }

    @Test
    void serverChosenCloseIsAnnouncedOnHttp11() throws Exception {
        RecordingWire wire = new RecordingWire();
        HttpResponse response = new HttpResponse(wire, CLOCK, head("GET / HTTP/1.1\r\n"));
        response.closeConnection().send(200, "text/plain", "x");
        assertThat(wire.text()).contains("Content-Length: 1\r\nConnection: close\r\n\r\n");
        assertThat(response.keepAlive()).isFalse();
    }

    @Test
    void headSendsTheLengthButNoBody() throws Exception {
        RecordingWire wire = new RecordingWire();
        new HttpResponse(wire, CLOCK, head("HEAD / HTTP/1.1\r\n")).send(200, "text/plain", "hello");
        assertThat(wire.text()).endsWith("Content-Length: 5\r\n\r\n");
    }

    @Test
    void streamIsChunkedInLowerCaseHexAndEndsWithAZeroChunk() throws Exception {
        RecordingWire wire = new RecordingWire();
        HttpResponse response = new HttpResponse(wire, CLOCK, head("GET /logtail/x HTTP/1.1\r\n"));
        try (ResponseStream out = response.stream(200, "text/plain;charset=utf-8")) {
            out.write(new byte[129]);
            out.flush();
            out.flush(); // nothing new: no empty chunk, which would end the body early
        }
        assertThat(wire.watching).isTrue();
        assertThat(wire.text()).contains("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n81\r\n")
                .endsWith("\r\n0\r\n\r\n");
        assertThat(response.keepAlive()).isFalse();
    }

    @Test
    void headersCannotSmuggleLines() throws Exception {
        HttpResponse response = new HttpResponse(new RecordingWire(), CLOCK, head("GET / HTTP/1.1\r\n"));
        assertThatThrownBy(() -> response.header("Location", "/x\r\nSet-Cookie: a=b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response.header("X\nY", "v")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> response.header("A: b", "v")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void routeHeadersKeepTheirOrderAndReplaceCaseInsensitively() throws Exception {
        RecordingWire wire = new RecordingWire();
        HttpResponse response = new HttpResponse(wire, CLOCK, head("GET / HTTP/1.1\r\n"));
        response.header("Last-Modified", "then").header("X-Accel-Buffering", "no").header("last-modified", "now");
        response.send(200, "text/plain", "");
        assertThat(wire.text()).isEqualTo("HTTP/1.1 200 OK\r\nServer: Medusa/1.12\r\nDate: D\r\n"
                + "X-Accel-Buffering: no\r\nlast-modified: now\r\nContent-Type: text/plain\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    @Test
    void headerChangesAfterSendingAreRejected() throws Exception {
        HttpResponse response = new HttpResponse(new RecordingWire(), CLOCK, head("GET / HTTP/1.1\r\n"));
        response.sendError(500);
        assertThatThrownBy(() -> response.header("X", "y")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> response.sendError(500)).isInstanceOf(IllegalStateException.class);
    }
}
