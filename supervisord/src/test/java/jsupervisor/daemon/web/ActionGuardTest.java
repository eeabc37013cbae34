package jsupervisor.daemon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActionGuardTest {

    @ParameterizedTest(name = "Host {0}, Sec-Fetch-Site {1}, Origin {2}, Referer {3} -> {4}")
    @CsvSource(nullValues = "-", value = {
        "127.0.0.1:9001, same-origin, http://127.0.0.1:9001, -, true",
        "127.0.0.1:9001, -, http://127.0.0.1:9001, -, true",
        "host.example, -, https://host.example, -, true",
        "host.example:80, -, http://host.example, -, true",
        "HOST.example, -, http://host.EXAMPLE, -, true",
        "127.0.0.1:9001, -, -, http://127.0.0.1:9001/index.html?x=1, true",
        "127.0.0.1:9001, cross-site, http://127.0.0.1:9001, -, false",
        "127.0.0.1:9001, same-site, http://127.0.0.1:9001, -, false",
        "127.0.0.1:9001, none, http://127.0.0.1:9001, -, false",
        "127.0.0.1:9001, -, http://127.0.0.1:9002, -, false",
        "127.0.0.1:9001, -, http://localhost:9001, -, false",
        "127.0.0.1:9001, -, null, http://127.0.0.1:9001/, false",
        "127.0.0.1:9001, -, -, -, false",
        "127.0.0.1:9001, -, -, http://evil.example/127.0.0.1:9001, false",
        "127.0.0.1:9001, -, http://user@127.0.0.1:9001, -, false",
        "127.0.0.1:9001, -, not a url, -, false",
        "-, -, http://127.0.0.1:9001, -, false",
        "127.0.0.1:9001, -, http://127.0.0.1:9001.evil.example, -, false",
    })
    void sameOriginNeedsTheBrowserToNameTheHostItSentTo(String host, String site, String origin, String referer,
                                                        boolean expected) {
        assertThat(ActionGuard.sameOrigin(host, site, origin, referer)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void onlyWellFormedSessionCookiesCount() {
        String id = "A".repeat(43);
        String other = "b".repeat(43);
        assertThat(ActionGuard.sessions(List.of("theme=dark; jsupervisor_session=" + id + "; x=y")))
                .containsExactly(id);
        assertThat(ActionGuard.sessions(List.of("jsupervisor_session=short", "jsupervisor_session=" + other)))
                .containsExactly(other);
        assertThat(ActionGuard.sessions(List.of("xjsupervisor_session=" + id, "jsupervisor_session=" + id + "!")))
                .isEmpty();
        assertThat(ActionGuard.sessions(List.of())).isEmpty();
    }
}
