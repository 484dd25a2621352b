package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.Api;
import no.torn.platform.testing.TestClock;
import no.torn.platform.time.Today;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.COMPETENCE_TOPIC;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.delegationBody;
import static no.torn.responsibility.Fixture.recordEvent;
import static no.torn.responsibility.Fixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * The day is the Norwegian day: at 00:30 in Oslo on the day after a competence's last valid day (still that day in
 * UTC, before competence-service's nightly expiry has said anything) the competence no longer counts here either.
 */
@QuarkusTest
class OsloTodayTest {

    String code;
    Fixture.Basis basis;
    /** Today in Oslo, by the real clock. */
    LocalDate day;

    @BeforeEach
    void setUp() {
        Fixture.employeeV1001();
        code = Fixture.code("OSLO");
        basis = Fixture.basis(List.of(code), List.of());
        day = LocalDate.now(Today.NORWAY);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A record of {@code code} for V1001, ACTIVE, acquired and valid until the given days. */
    private UUID record(LocalDate acquiredOn, LocalDate validUntil) {
        UUID id = UUID.randomUUID();
        send(COMPETENCE_TOPIC, id.toString(), recordEvent("record-registered", id, V1001, code, List.of(), acquiredOn,
                validUntil, "ACTIVE", 1, null));
        Fixture.awaitRow("select count(*) from competence_record_view where record_id = ?1", id);
        return id;
    }

    private static void halfPastMidnightInOsloOn(LocalDate next) {
        TestClock.setTo(next, LocalTime.of(0, 30));
        assertThat(LocalDate.ofInstant(TestClock.INSTANCE.instant(), ZoneOffset.UTC))
                .as("00:30 in Oslo is still the day before in UTC").isEqualTo(next.minusDays(1));
    }

    @Test
    void aCompetenceValidUntilYesterdayInOsloIsRefusedForANewDelegation() {
        record(day.minusYears(1), day);
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        halfPastMidnightInOsloOn(day.plusDays(1));
        Api.as("vest-leader").body(delegationBody(clarification, V1001)).post(API + "/delegations").then()
                .statusCode(422)
                .body("rules.detail", hasItem(startsWith(code)));
    }

    @Test
    void anActiveDelegationIsSuspendedWhenItsCompetenceIsReviewedAfterOsloMidnight() {
        UUID id = record(day.minusYears(1), day);
        String delegation = Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));
        halfPastMidnightInOsloOn(day.plusDays(1));
        // Any change to the record makes the service look again; competence-service has not expired it yet.
        send(COMPETENCE_TOPIC, id.toString(), recordEvent("record-updated", id, V1001, code, List.of(),
                day.minusYears(1), day, "ACTIVE", 2, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                Api.as("vest-leader").get(API + "/delegations/" + delegation).then().statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("competenceCode", equalTo(code)));
    }

    @Test
    void aCompetenceAcquiredInTheFutureCountsOnlyFromThatOsloDay() {
        LocalDate acquiredOn = day.plusDays(3);
        record(acquiredOn, day.plusYears(2));
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        Api.as("vest-leader").body(delegationBody(clarification, V1001)).post(API + "/delegations").then()
                .statusCode(422)
                .body("rules.detail", hasItem(startsWith(code)));
        halfPastMidnightInOsloOn(acquiredOn);
        Api.as("vest-leader").body(delegationBody(clarification, V1001)).post(API + "/delegations").then()
                .statusCode(201);
    }
}
