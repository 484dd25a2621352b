package no.torn.platform.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarTest {

    @Test
    void aNorwegianDayStartsAtOsloMidnight() {
        // 23:30 UTC on 31 January is already 1 February in Oslo (UTC+1 in winter)...
        assertThat(Today.dateOf(Instant.parse("2026-01-31T23:30:00Z"))).isEqualTo(LocalDate.of(2026, 2, 1));
        // ...and 22:30 UTC on 30 June is 1 July (UTC+2 in summer).
        assertThat(Today.dateOf(Instant.parse("2026-06-30T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    /** The shared cases every service's competence decisions rest on. */
    @ParameterizedTest(name = "{0}: acquired {1}, valid until {2}, on {3} → {4}")
    @CsvSource({
            "ACTIVE,   2020-01-01, ,           2026-01-01, true",
            "ACTIVE,   2020-01-01, 2026-01-01, 2026-01-01, true",
            "ACTIVE,   2020-01-01, 2025-12-31, 2026-01-01, false",
            "ACTIVE,   2026-01-02, ,           2026-01-01, false",
            "ACTIVE,   2026-01-01, 2026-01-01, 2026-01-01, true",
            "REVOKED,  2020-01-01, ,           2026-01-01, false",
            "EXPIRED,  2020-01-01, 2026-03-01, 2026-01-01, true",
            "ACTIVE,   ,           ,           2026-01-01, false"
    })
    void competenceValidity(String status, LocalDate acquiredOn, LocalDate validUntil, LocalDate day,
                            boolean valid) {
        assertThat(CompetenceValidity.validOn(status, acquiredOn, validUntil, day)).isEqualTo(valid);
    }

    @Test
    void expiredMeansPastTheLastValidDay() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThat(CompetenceValidity.expiredOn(LocalDate.of(2025, 12, 31), day)).isTrue();
        assertThat(CompetenceValidity.expiredOn(day, day)).isFalse();
        assertThat(CompetenceValidity.expiredOn(null, day)).isFalse();
    }
}
