package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    @Test
    void shouldIgnoreForwardedForWithoutATrustedProxy() {
        assertThat(new ClientAddress(List.of()).of(request("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
        assertThat(new ClientAddress(List.of("10.0.0.0/8")).of(request("198.51.100.7", "203.0.113.1"))).isEqualTo("198.51.100.7");
    }

    @Test
    void shouldTakeTheRightMostAddressThatIsNoTrustedProxy() {
        ClientAddress clients = new ClientAddress(List.of("10.0.0.0/8", " 192.0.2.5 ", ""));
        assertThat(clients.of(request("10.1.2.3", "203.0.113.9, 198.51.100.20"))).isEqualTo("198.51.100.20");
        assertThat(clients.of(request("10.1.2.3", "203.0.113.9, 198.51.100.20, 192.0.2.5"))).isEqualTo("198.51.100.20");
        assertThat(clients.of(request("10.1.2.3", "2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(clients.of(request("10.1.2.3", null))).isEqualTo("10.1.2.3");
        // not an address (and never looked up in DNS): the proxy's address stands for the client
        assertThat(clients.of(request("10.1.2.3", "example.org"))).isEqualTo("10.1.2.3");
    }

    private static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
