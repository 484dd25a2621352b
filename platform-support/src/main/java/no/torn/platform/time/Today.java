package no.torn.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one calendar of the platform: a calendar day is a Norwegian day (Europe/Oslo) in every service, whatever the
 * server's zone; instants are UTC. Validity dates, review dates, expiry and lapse all ask here, so two services never
 * disagree about whether a record is valid between midnight in Oslo and midnight UTC.
 */
@ApplicationScoped
public class Today {

    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    @Inject
    Clock clock;

    /** Today's date in Norway. */
    public LocalDate date() {
        return dateOf(clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }

    /** The Norwegian calendar day an instant falls on. */
    public static LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, NORWAY);
    }
}
