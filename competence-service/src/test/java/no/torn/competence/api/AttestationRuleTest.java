package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * Whoever attests real competence holds it, or a competence implying it, on the Oslo day of attestation (R-COMP-03).
 */
@QuarkusTest
class AttestationRuleTest {

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static String skillOf(String employee) {
        return as("vest-hr").body(recordBody(employee, "PVK", today().minusWeeks(1), null, null))
                .post(ROOT + "/records").then().statusCode(201).extract().path("id");
    }

    private static void attest(String record, String by, int status) {
        as("vest-leader").body(Map.of("attestedBy", by, "level", 2, "version", 0))
                .post(ROOT + "/records/" + record + "/attest").then().statusCode(status);
    }

    @Test
    void aSupervisorWithoutTheCompetenceCannotAttestIt() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "helsefagarbeider");
        String supervisor = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String skill = skillOf(employee);
        as("vest-leader").body(Map.of("attestedBy", supervisor, "level", 2, "version", 0))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-COMP-03"))
                .body("rules.rule", equalTo(List.of("R-COMP-03")))
                .body("rules.field", equalTo(List.of("attestedBy")));
        Fixtures.createRecord("vest-hr", supervisor, "PVK", today().minusYears(2), null);
        attest(skill, supervisor, 200);
    }

    @Test
    void aCompetenceThatImpliesItIsEnough() {
        String code = Fixtures.unique("VEST-PVK-AVANSERT-").toUpperCase();
        as("vest-admin").body(Map.of("code", code, "name", "PVK avansert", "kind", "REAL", "category", "PROCEDURE",
                "implies", List.of("PVK"))).post(ROOT + "/types").then().statusCode(201);
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "helsefagarbeider");
        String supervisor = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        Fixtures.createRecord("vest-hr", supervisor, code, today().minusYears(1), null);
        attest(skillOf(employee), supervisor, 200);
    }

    @Test
    void aLapsedOrRevokedRecordDoesNotCount() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "helsefagarbeider");
        String supervisor = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        Fixtures.createRecord("vest-hr", supervisor, "PVK", today().minusYears(2), today().minusDays(1));
        String revoked = Fixtures.createRecord("vest-hr", supervisor, "PVK", today().minusYears(1), null);
        as("vest-hr").body(Map.of("reason", "withdrawn", "version", 0)).post(ROOT + "/records/" + revoked + "/revoke")
                .then().statusCode(200);
        as("vest-leader").body(Map.of("attestedBy", supervisor, "level", 2, "version", 0))
                .post(ROOT + "/records/" + skillOf(employee) + "/attest").then().statusCode(422)
                .body("rules.rule", equalTo(List.of("R-COMP-03")));
    }

    @Test
    void theDayOfAttestationIsTheOsloDay() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "helsefagarbeider");
        String supervisor = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        Fixtures.createRecord("vest-hr", supervisor, "PVK", today().minusYears(2), today().plusDays(1));
        String skill = skillOf(employee);
        // 00:30 in Oslo on the day after the supervisor's last valid day (still the day before in UTC).
        TestClock.setTo(today().plusDays(2), LocalTime.of(0, 30));
        attest(skill, supervisor, 422);
        TestClock.setTo(today().plusDays(1), LocalTime.of(23, 30));
        attest(skill, supervisor, 200);
    }
}
