package no.torn.responsibility;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move forward (review dates, validity) and must reset afterwards. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock {

    public static final Shifted CLOCK = new Shifted();

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }

    public static final class Shifted extends Clock {
        private volatile Duration offset = Duration.ZERO;

        public void shift(Duration by) {
            offset = by;
        }

        public void reset() {
            offset = Duration.ZERO;
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
            return Instant.now().plus(offset);
        }
    }
}
