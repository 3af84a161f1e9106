package no.ukp.monitor.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * The client's address: the connection's, or, when the connection comes from a trusted proxy,
 * the right-most address in {@code X-Forwarded-For} that is not a trusted proxy (what a client
 * writes there itself stands left of what its proxy appended, and is not believed).
 */
final class ClientAddress {

    private static final Pattern IP_LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<IpAddressMatcher> trusted;

    ClientAddress(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(IpAddressMatcher::new).toList();
    }

    String of(HttpServletRequest request) {
        String remote = request.getRemoteAddr();
        if (!isTrusted(remote)) {
            return remote;
        }
        List<String> forwarded = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String part : header.split(",")) {
                if (!part.isBlank()) {
                    forwarded.add(part.strip());
                }
            }
        }
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String address = forwarded.get(i);
            if (!isTrusted(address)) {
                return IP_LITERAL.matcher(address).matches() ? address : remote;
            }
        }
        return forwarded.isEmpty() ? remote : forwarded.get(0);
    }

    private boolean isTrusted(String address) {
        if (address == null || !IP_LITERAL.matcher(address).matches()) {
            return false;
        }
        for (IpAddressMatcher matcher : trusted) {
            try {
                if (matcher.matches(address)) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}
