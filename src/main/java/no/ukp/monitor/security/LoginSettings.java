package no.ukp.monitor.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where logins come from and how password guessing is slowed down.
 *
 * @param trustedProxies addresses (or CIDR ranges) of reverse proxies whose {@code X-Forwarded-For}
 *                       names the client; empty: the connection's address is the client's
 * @param loginThrottle  the throttle of failed logins
 * @param basicEnabled   whether the built-in users log in (HTTP Basic and the login form); off
 *                       where everyone signs in through single sign-on ({@link OidcSettings})
 */
@ConfigurationProperties("ukp.security")
public record LoginSettings(@DefaultValue List<String> trustedProxies, @DefaultValue Throttle loginThrottle,
                            @DefaultValue("true") boolean basicEnabled) {

    /**
     * After {@code userFailures} failed logins of one user name from one client address, or
     * {@code addressFailures} from one address whatever the user names, that user name at that
     * address (or that address) is answered 429 for {@code firstDelay}, doubling with every further
     * failure up to {@code maxDelay}. After {@code userNameFailures} failed logins of one user name
     * from any addresses, that user name is answered 429 at every address where it has not logged in
     * successfully before, for at most {@code userNameMaxDelay}. Failures are forgotten
     * {@code window} after the last one; a success forgets the user name's failures at that address.
     *
     * @param maxEntries most user names and addresses remembered (the least recently seen go first)
     */
    public record Throttle(@DefaultValue("5") int userFailures, @DefaultValue("20") int addressFailures,
                           @DefaultValue("15m") Duration window, @DefaultValue("1s") Duration firstDelay,
                           @DefaultValue("5m") Duration maxDelay, @DefaultValue("20") int userNameFailures,
                           @DefaultValue("1m") Duration userNameMaxDelay, @DefaultValue("10000") int maxEntries) {
    }
}
