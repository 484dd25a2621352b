package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.competence.Fixtures;
import no.torn.competence.application.ExpiryJob;
import no.torn.platform.testing.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The day is the Norwegian day: at 00:30 in Oslo on the day after validUntil it is still validUntil's day in UTC,
 * yet the record no longer counts and the expiry job expires it.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OsloTodayTest {

    @Inject
    ExpiryJob job;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    LocalDate validUntil;
    String employee;
    String id;

    /** Runs once, before the first step (the HTTP port is known only per test). */
    @BeforeEach
    void aCourseValidUntilToday() {
        if (id != null) {
            return;
        }
        validUntil = today();
        employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        id = Fixtures.createRecord("vest-hr", employee, "HLR", validUntil.minusMonths(11), validUntil);
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private void halfPastMidnightInOsloTheDayAfter() {
        TestClock.setTo(validUntil.plusDays(1), LocalTime.of(0, 30));
        assertThat(TestClock.INSTANCE.instant().atOffset(ZoneOffset.UTC).toLocalDate()).isEqualTo(validUntil);
    }

    @Test
    @Order(1)
    void onItsLastDayTheRecordIsValid() {
        TestClock.setTo(validUntil, LocalTime.of(23, 50));
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200).body("valid", equalTo(true));
    }

    @Test
    @Order(2)
    void atHalfPastMidnightInOsloTheRecordNoLongerCounts() {
        halfPastMidnightInOsloTheDayAfter();
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("valid", equalTo(false));
        as("vest-hr").get(ROOT + "/employees/" + employee + "/competences").then().statusCode(200)
                .body("validOn", equalTo(validUntil.plusDays(1).toString()))
                .body("validCodes", not(hasItem("HLR")));
    }

    @Test
    @Order(3)
    void theExpiryJobExpiresItThen() {
        halfPastMidnightInOsloTheDayAfter();
        job.run();
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("valid", equalTo(false));
        JsonNode expired = Fixtures.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("validUntil").asText()).isEqualTo(validUntil.toString());
    }
}
