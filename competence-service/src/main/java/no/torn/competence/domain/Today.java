package no.torn.competence.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** "Today" in Norway from the injectable clock: validity dates are Norwegian calendar dates. */
@ApplicationScoped
public class Today {

    public static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    @Inject
    Clock clock;

    public LocalDate date() {
        return LocalDate.ofInstant(clock.instant(), NORWAY);
    }

    public Instant now() {
        return clock.instant();
    }
}
