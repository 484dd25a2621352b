package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.competence.Fixtures;
import no.torn.competence.application.ExpiryJob;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.testing.EventAssertions;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TestClock;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.TOPIC;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.EventAssertions.about;
import static no.torn.platform.testing.EventAssertions.ofType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Calendar-exact expiry (R-EXP-01): a record whose last valid day is D is expired by the first run after the start of
 * D+1 in Oslo, across daylight-saving changes too; record-expiring is published once per record and threshold
 * (R-EXP-02). The job runs every minute; the tests call it with the clock moved.
 */
@QuarkusTest
class ExpiryCalendarTest {

    @Inject
    ExpiryJob job;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static String recordUntil(LocalDate validUntil) {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        return Fixtures.createRecord("vest-hr", employee, "HLR", today().minusDays(10), validUntil);
    }

    private static void status(String id, String status, boolean valid) {
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo(status)).body("valid", equalTo(valid));
    }

    private static void expiredEventPublished(String id) {
        TopicReader.Event event = EventAssertions.awaitEvent(TOPIC,
                CompetenceEvents.type(CompetenceEvents.RECORD_EXPIRED), id);
        EventSchemas.assertValid(Fixtures.schema(CompetenceEvents.RECORD_EXPIRED), event.cloudEvent());
        assertThat(event.data().path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aRecordIsValidUntilMidnightAndExpiredWithinAMinuteAfterIt() {
        LocalDate lastDay = today().plusDays(3);
        String id = recordUntil(lastDay);
        TestClock.setTo(lastDay, LocalTime.of(23, 59, 30));
        job.run();
        status(id, "ACTIVE", true);
        TestClock.setTo(lastDay.plusDays(1), LocalTime.of(0, 0, 30));
        job.run();
        status(id, "EXPIRED", false);
        expiredEventPublished(id);
    }

    @Test
    void midnightIsOsloMidnightWhenSummerTimeBegins() {
        // Summer time begins 2027-03-28 at 02:00; the midnight before it is still UTC+1.
        String id = recordUntil(LocalDate.of(2027, 3, 27));
        TestClock.setTo(Instant.parse("2027-03-27T22:59:30Z"));
        job.run();
        status(id, "ACTIVE", true);
        TestClock.setTo(Instant.parse("2027-03-27T23:00:30Z"));   // 2027-03-28 00:00:30 in Oslo
        job.run();
        status(id, "EXPIRED", false);
        expiredEventPublished(id);
    }

    @Test
    void midnightIsOsloMidnightWhenSummerTimeEnds() {
        // Summer time ends 2027-10-31 at 03:00; the midnight before it is still UTC+2.
        String id = recordUntil(LocalDate.of(2027, 10, 30));
        TestClock.setTo(Instant.parse("2027-10-30T21:59:30Z"));
        job.run();
        status(id, "ACTIVE", true);
        TestClock.setTo(Instant.parse("2027-10-30T22:00:30Z"));   // 2027-10-31 00:00:30 in Oslo
        job.run();
        status(id, "EXPIRED", false);
        expiredEventPublished(id);
    }

    @Test
    void recordExpiringIsPublishedOncePerThresholdWhateverTheNumberOfRuns() {
        String id = recordUntil(today().plusDays(40));
        TestClock.shift(Duration.ofDays(11));            // 29 days left: the 30-day notice (90 counts as done)
        job.run();
        assertThat(job.run().expiring()).as("a second run at the same time").isZero();
        TestClock.shift(Duration.ofDays(34));            // 6 days left: the 7-day notice
        job.run();
        assertThat(job.run().expiring()).as("a second run at the same time").isZero();
        List<TopicReader.Event> expiring = EventAssertions.awaitEvents(TOPIC,
                ofType(CompetenceEvents.type(CompetenceEvents.RECORD_EXPIRING)).and(about(id)), 2);
        expiring.forEach(e -> EventSchemas.assertValid(Fixtures.schema(CompetenceEvents.RECORD_EXPIRING),
                e.cloudEvent()));
        assertThat(expiring).extracting(e -> e.data().path("thresholdDays").asInt()).containsExactly(30, 7);
    }
}
