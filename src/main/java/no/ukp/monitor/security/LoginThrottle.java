package no.ukp.monitor.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per user name and client address and per client address, in memory.
 * There is deliberately no count per user name alone: anyone could then keep a user out by
 * guessing that user's password from elsewhere. The map is bounded; the least recently seen
 * entries go first.
 */
final class LoginThrottle {

    private final LoginSettings.Throttle settings;
    private final Clock clock;
    private final Map<String, Failures> entries;

    LoginThrottle(LoginSettings.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > settings.maxEntries();
            }
        };
    }

    /** How long a login of the user from the address must wait; empty: it may try now. */
    synchronized Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(remaining(userKey(user, address), now), remaining(addressKey(address), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** Counts a failed login; returns how long the next attempt must wait (zero: not throttled). */
    synchronized Duration failed(String user, String address) {
        Instant now = clock.instant();
        return max(fail(userKey(user, address), settings.userFailures(), now),
                fail(addressKey(address), settings.addressFailures(), now));
    }

    /** A successful login forgets the user name's failures at that address (not the address's). */
    synchronized void succeeded(String user, String address) {
        entries.remove(userKey(user, address));
    }

    synchronized int size() {
        return entries.size();
    }

    private Duration remaining(String key, Instant now) {
        Failures failures = entries.get(key);
        if (failures == null) {
            return Duration.ZERO;
        }
        if (failures.expired(now, settings.window())) {
            entries.remove(key);
            return Duration.ZERO;
        }
        return failures.blockedUntil == null || !failures.blockedUntil.isAfter(now)
                ? Duration.ZERO : Duration.between(now, failures.blockedUntil);
    }

    private Duration fail(String key, int threshold, Instant now) {
        Failures failures = entries.get(key);
        if (failures == null || failures.expired(now, settings.window())) {
            failures = new Failures();
            entries.put(key, failures);
        }
        failures.count++;
        failures.last = now;
        if (failures.count < threshold) {
            return Duration.ZERO;
        }
        Duration delay = settings.firstDelay().multipliedBy(1L << Math.min(failures.count - threshold, 20));
        if (delay.compareTo(settings.maxDelay()) > 0) {
            delay = settings.maxDelay();
        }
        failures.blockedUntil = now.plus(delay);
        return delay;
    }

    private static String userKey(String user, String address) {
        String name = user.toLowerCase(Locale.ROOT);
        return "u " + (name.length() > 100 ? name.substring(0, 100) : name) + "\n" + address;
    }

    private static String addressKey(String address) {
        return "a " + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil;

        boolean expired(Instant now, Duration window) {
            Instant end = last.plus(window);
            if (blockedUntil != null && blockedUntil.isAfter(end)) {
                end = blockedUntil;
            }
            return !end.isAfter(now);
        }
    }
}
