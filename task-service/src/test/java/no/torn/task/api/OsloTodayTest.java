package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.testing.Api;
import no.torn.platform.testing.TestClock;
import no.torn.platform.time.Today;
import no.torn.task.CompetenceFeed;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static no.torn.task.Fixtures.nationalTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Today" is the Norwegian day: between midnight in Oslo and midnight UTC a record whose last valid day was
 * yesterday no longer counts, as competence-service already says.
 */
@QuarkusTest
class OsloTodayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void aRecordValidUntilDayDNoLongerCountsAtHalfPastMidnightInOsloOnTheNextDay() throws Exception {
        LocalDate lastValidDay = Today.dateOf(Instant.now()).plusDays(2);
        String unit = "Natt " + UUID.randomUUID().toString().substring(0, 6);
        String task = nationalTask("NIGHT-WATCH", "CLINICAL", "LOW", false, true, List.of("NATTEVAKT"));
        CompetenceFeed feed = new CompetenceFeed(bootstrap);
        UUID nurse = feed.employee("N-1", "sykepleier", unit, 1, "ACTIVE");
        feed.competence(nurse, "NATTEVAKT", List.of(), lastValidDay.toString(), "ACTIVE", 1);
        feed.flush();
        feed.awaitApplied(em);
        String eligible = "/api/v1/tasks/" + task + "/eligible-staff?hf=helse-bergen&unit=" + unit;
        String coverage = "/api/v1/coverage?hf=helse-bergen&unit=" + unit + "&size=200";
        String count = "items.find { it.taskCode == '" + task + "' }.eligibleStaff";

        TestClock.setTo(lastValidDay, LocalTime.of(23, 30));
        Api.as("vest-leader").get(eligible).then().statusCode(200)
                .body("validOn", equalTo(lastValidDay.toString()))
                .body("items.employeeNumber", equalTo(List.of("N-1")));

        LocalDate nextDay = lastValidDay.plusDays(1);
        TestClock.setTo(nextDay, LocalTime.of(0, 30));
        assertThat(LocalDate.ofInstant(TestClock.INSTANCE.instant(), ZoneOffset.UTC)).isEqualTo(lastValidDay);
        Api.as("vest-leader").get(eligible).then().statusCode(200)
                .body("validOn", equalTo(nextDay.toString()))
                .body("total", equalTo(0));
        Api.as("vest-leader").get(coverage).then().statusCode(200)
                .body("validOn", equalTo(nextDay.toString()))
                .body(count, equalTo(0));
    }
}
