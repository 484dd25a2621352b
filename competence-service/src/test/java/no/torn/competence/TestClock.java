package no.torn.competence;

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

/** The system clock shifted by an offset tests can move: lets the expiry job "run" days or months later. */
public final class TestClock extends Clock {

    public static final TestClock INSTANCE = new TestClock();
    private volatile Duration offset = Duration.ZERO;

    public void moveTo(Duration offsetFromNow) {
        offset = offsetFromNow;
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
