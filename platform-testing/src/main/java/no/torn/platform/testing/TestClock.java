package no.torn.platform.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one test clock: the system clock shifted by an offset a test can move, so jobs "run" days later and the hour
 * around Oslo midnight can be visited. Every service's tests get it instead of the system clock; a test that moves
 * it must {@link #reset()} afterwards.
 */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private volatile Duration offset = Duration.ZERO;

    private TestClock() {
    }

    /** Moves the clock {@code by} from real time (not cumulative). */
    public static void shift(Duration by) {
        INSTANCE.offset = by;
    }

    /** Moves the clock so that it now reads about {@code instant}; time keeps running from there. */
    public static void setTo(Instant instant) {
        INSTANCE.offset = Duration.between(Instant.now(), instant);
    }

    /** Moves the clock to {@code time} on {@code day} in Oslo. */
    public static void setTo(LocalDate day, LocalTime time) {
        setTo(day.atTime(time).atZone(NORWAY).toInstant());
    }

    public static void reset() {
        INSTANCE.offset = Duration.ZERO;
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

    /** Replaces the platform's system clock in tests. */
    @ApplicationScoped
    public static class Producer {
        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return INSTANCE;
        }
    }
}
