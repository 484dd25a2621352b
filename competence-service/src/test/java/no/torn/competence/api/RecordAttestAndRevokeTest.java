package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Real competence is attested by a colleague; formal competence is revoked once, and then stays revoked. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordAttestAndRevokeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String employee;
    String colleague;
    String skill;
    String formal;

    /** Runs once, before the first step (the HTTP port is known only per test). */
    @BeforeEach
    void employeesWithASkillAndAnAuthorisation() {
        if (formal != null) {
            return;
        }
        employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "helsefagarbeider");
        colleague = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        // Whoever attests a skill holds it (R-COMP-03).
        Fixtures.createRecord("vest-hr", colleague, "BLODPROVE", today().minusYears(1), null);
        skill = as("vest-hr").body(recordBody(employee, "BLODPROVE", today().minusWeeks(1), null, null))
                .post(ROOT + "/records").then().statusCode(201).extract().path("id");
        formal = Fixtures.createRecord("vest-hr", employee, "AUT-HELSEFAGARBEIDER", today().minusYears(5), null);
    }

    @Test
    @Order(1)
    void aUnitLeaderAttestsASkillByAColleague() {
        as("vest-leader").body(Map.of("attestedBy", colleague, "level", 2, "version", 0))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(200)
                .body("trustLevel", equalTo("ATTESTED")).body("attestation.level", equalTo(2))
                .body("attestation.attestedBy", equalTo(colleague));
        JsonNode attested = Fixtures.event(bootstrap, skill, "record-attested");
        assertThat(attested.path("data").path("trustLevel").asText()).isEqualTo("ATTESTED");
    }

    @Test
    @Order(2)
    void nobodyAttestsTheirOwnCompetence() {
        as("vest-leader").body(Map.of("attestedBy", employee, "level", 2, "version", 1))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(422);
    }

    @Test
    @Order(3)
    void theLevelIsOneToThree() {
        as("vest-leader").body(Map.of("attestedBy", colleague, "level", 4, "version", 1))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(400)
                .body("violations[0].field", equalTo("level"));
    }

    @Test
    @Order(4)
    void formalCompetenceIsNotAttested() {
        as("vest-hr").body(Map.of("attestedBy", colleague, "level", 1, "version", 0))
                .post(ROOT + "/records/" + formal + "/attest").then().statusCode(422);
    }

    @Test
    @Order(5)
    void aRevocationNeedsAReason() {
        as("vest-hr").body(Map.of("reason", "", "version", 0))
                .post(ROOT + "/records/" + formal + "/revoke").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
    }

    @Test
    @Order(6)
    void aRevokedRecordIsNoLongerValidAndTheRevocationIsPublished() {
        as("vest-hr").body(Map.of("reason", "Authorisation withdrawn by Helsetilsynet", "version", 0))
                .post(ROOT + "/records/" + formal + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("valid", equalTo(false));
        JsonNode revoked = Fixtures.event(bootstrap, formal, "record-revoked");
        assertThat(revoked.path("data").path("reason").asText())
                .isEqualTo("Authorisation withdrawn by Helsetilsynet");
    }

    @Test
    @Order(7)
    void revokingARevokedRecordIsAConflictOfTheTransitionGuard() {
        as("vest-hr").body(Map.of("reason", "again", "version", 1))
                .post(ROOT + "/records/" + formal + "/revoke").then().statusCode(409)
                .body("detail", containsString("cannot move from REVOKED to REVOKED"));
    }

    @Test
    @Order(8)
    void aRevokedRecordCannotBeChanged() {
        as("vest-hr").body(Map.of("validUntil", today().plusYears(1).toString(), "version", 1))
                .put(ROOT + "/records/" + formal).then().statusCode(422);
        as("vest-hr").body(Map.of("attestedBy", colleague, "level", 1, "version", 1))
                .post(ROOT + "/records/" + formal + "/attest").then().statusCode(422);
    }

    @Test
    @Order(9)
    void theHistoryShowsWhoDidWhatWithTheReason() {
        as("vest-auditor").get(ROOT + "/records/" + formal + "/history").then().statusCode(200)
                .body("action", equalTo(java.util.List.of("REGISTERED", "REVOKED")))
                .body("[1].actor.name", equalTo("HR Vest"))
                .body("[1].actor.role", equalTo("hf-hr"))
                .body("[1].changes.status.from", equalTo("ACTIVE"))
                .body("[1].changes.status.to", equalTo("REVOKED"))
                .body("[1].reason", equalTo("Authorisation withdrawn by Helsetilsynet"));
        as("vest-auditor").get(ROOT + "/records/" + skill + "/history").then().statusCode(200)
                .body("[1].action", equalTo("ATTESTED"))
                .body("[1].actor.name", equalTo("Leder Vest"))
                .body("[1].actor.role", equalTo("unit-leader"))
                .body("[1].changes.trustLevel.to", equalTo("ATTESTED"));
    }
}
