package no.ukp.monitor.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleUnitTest {

    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(new LoginSettings.Throttle(3, 10, Duration.ofMinutes(15),
            Duration.ofSeconds(1), Duration.ofSeconds(60), 6, Duration.ofSeconds(20), 100), clock);

    @Test
    void shouldDoubleTheWaitUpToTheCap() {
        throttle.failed("viewer", "a");
        throttle.failed("viewer", "a");
        assertThat(throttle.waitFor("viewer", "a")).isEmpty();
        assertThat(throttle.failed("viewer", "a")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("VIEWER", "a")).contains(Duration.ofSeconds(1));
        long[] expected = {2, 4, 8, 16, 32, 60, 60};
        for (long seconds : expected) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.failed("viewer", "a")).isEqualTo(Duration.ofSeconds(seconds));
        }
    }

    @Test
    void shouldThrottleAUserNameGuessedFromManyAddressesExceptWhereItLoggedInBefore() {
        throttle.succeeded("admin", "office");
        for (int i = 0; i < 5; i++) {
            assertThat(throttle.failed("admin", "bot" + i)).isZero();
        }
        assertThat(throttle.failed("admin", "bot5")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("admin", "bot99")).contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("viewer", "bot99")).isEmpty();
        assertThat(throttle.waitFor("admin", "office")).isEmpty();
        for (int i = 6; i < 20; i++) {
            clock.advance(Duration.ofMinutes(1));
            assertThat(throttle.failed("admin", "bot" + i)).isLessThanOrEqualTo(Duration.ofSeconds(20));
        }
        assertThat(throttle.waitFor("admin", "bot99")).contains(Duration.ofSeconds(20));
        assertThat(throttle.waitFor("admin", "office")).isEmpty();
    }

    @Test
    void shouldLetAttemptsThroughOneAtATimeAfterAFailure() {
        assertThat(throttle.waitFor("viewer", "a")).isEmpty();
        assertThat(throttle.waitFor("viewer", "a")).as("no failure yet: parallel requests pass").isEmpty();
        throttle.done("viewer", "a");
        throttle.done("viewer", "a");
        throttle.failed("viewer", "a");

        assertThat(throttle.waitFor("viewer", "a")).isEmpty();
        assertThat(throttle.waitFor("viewer", "a")).as("a parallel guess").contains(Duration.ofSeconds(1));
        assertThat(throttle.waitFor("viewer", "b")).as("another address").isEmpty();
        throttle.done("viewer", "a");
        assertThat(throttle.waitFor("viewer", "a")).isEmpty();
    }

    @Test
    void shouldNotLetAnAddressKeepOutAUserWhoLoggedInThereBefore() {
        throttle.succeeded("admin", "office");
        for (int i = 0; i < 10; i++) {
            throttle.failed("user" + i, "office");
        }
        assertThat(throttle.waitFor("guest", "office")).isPresent();
        assertThat(throttle.waitFor("admin", "office")).isEmpty();
    }

    @Test
    void shouldForgetFailuresAfterTheWindow() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("viewer", "a");
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.waitFor("viewer", "a")).isEmpty();
        assertThat(throttle.failed("viewer", "a")).isZero();
        assertThat(throttle.size()).isEqualTo(3);
    }

    @Test
    void shouldRememberABoundedNumberOfEntries() {
        for (int i = 0; i < 1000; i++) {
            throttle.failed("user" + i, "address" + i);
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(100);
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
