package no.ukp.monitor.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins counted per user name and client address, per client address and per user name
 * across all addresses (guessing one user's password from many addresses), in memory. The counts
 * per address and per user name alone do not apply at an address where that user name has logged
 * in before (the user's own machine; an office behind one address), and the user name's wait is
 * capped short ({@code userNameMaxDelay}): nobody can keep a user out by guessing that user's
 * password from elsewhere. The maps are bounded; the
 * least recently seen entries go first.
 */
final class LoginThrottle {

    private final LoginSettings.Throttle settings;
    private final Clock clock;
    private final Map<String, Failures> entries;
    /** User name and address pairs that have logged in successfully. */
    private final Map<String, Instant> known;

    LoginThrottle(LoginSettings.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
                return size() > settings.maxEntries();
            }
        };
        this.known = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                return size() > settings.maxEntries();
            }
        };
    }

    /**
     * How long a login of the user from the address must wait; empty: it may try now, and then
     * must call {@link #done}. After a failure of the user name at that address, its attempts are
     * let through one at a time (a parallel one waits {@code firstDelay}), so that a burst of
     * parallel guesses cannot all pass before the first failure is counted. A user name and
     * address that have logged in successfully before wait only for their own failures.
     */
    synchronized Optional<Duration> waitFor(String user, String address) {
        Instant now = clock.instant();
        String pair = userKey(user, address);
        Duration wait = remaining(pair, now);
        if (!known.containsKey(pair)) {
            wait = max(wait, max(remaining(addressKey(address), now), remaining(userNameKey(user), now)));
        }
        if (!wait.isZero()) {
            return Optional.of(wait);
        }
        Failures failures = entries.get(pair);
        if (failures != null) {
            if (failures.inFlight > 0) {
                return Optional.of(settings.firstDelay());
            }
            failures.inFlight++;
        }
        return Optional.empty();
    }

    /** An attempt {@link #waitFor} let through has been answered. */
    synchronized void done(String user, String address) {
        Failures failures = entries.get(userKey(user, address));
        if (failures != null && failures.inFlight > 0) {
            failures.inFlight--;
        }
    }

    /** Counts a failed login; returns how long the next attempt must wait (zero: not throttled). */
    synchronized Duration failed(String user, String address) {
        Instant now = clock.instant();
        Duration wait = max(fail(userKey(user, address), settings.userFailures(), settings.maxDelay(), now),
                fail(addressKey(address), settings.addressFailures(), settings.maxDelay(), now));
        Duration userName = fail(userNameKey(user), settings.userNameFailures(), settings.userNameMaxDelay(), now);
        return known.containsKey(userKey(user, address)) ? wait : max(wait, userName);
    }

    /**
     * A successful login forgets the user name's failures at that address (not the address's) and
     * remembers the address as the user's own.
     */
    synchronized void succeeded(String user, String address) {
        entries.remove(userKey(user, address));
        known.put(userKey(user, address), clock.instant());
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

    private Duration fail(String key, int threshold, Duration maxDelay, Instant now) {
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
        if (delay.compareTo(maxDelay) > 0) {
            delay = maxDelay;
        }
        failures.blockedUntil = now.plus(delay);
        return delay;
    }

    private static String userKey(String user, String address) {
        return "u " + name(user) + "\n" + address;
    }

    private static String userNameKey(String user) {
        return "n " + name(user);
    }

    private static String name(String user) {
        String name = user.toLowerCase(Locale.ROOT);
        return name.length() > 100 ? name.substring(0, 100) : name;
    }

    private static String addressKey(String address) {
        return "a " + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static final class Failures {
        int count;
        int inFlight;
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
