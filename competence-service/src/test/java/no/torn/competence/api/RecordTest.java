package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Api;
import no.torn.competence.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Api.ROOT;
import static no.torn.competence.Api.as;
import static no.torn.competence.Api.recordBody;
import static no.torn.competence.Api.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RecordTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void registeringACourseDefaultsItsValidityAndPublishesTheRecord() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "spesialsykepleier");
        LocalDate acquired = today().minusMonths(2);
        String id = as("vest-hr").body(recordBody(employee, "HLR", acquired, null, null))
                .post(ROOT + "/records").then().statusCode(201)
                .body("validUntil", equalTo(acquired.plusMonths(12).toString()))
                .body("status", equalTo("ACTIVE")).body("valid", equalTo(true))
                .body("source", equalTo("MANUAL")).body("trustLevel", equalTo("SELF_DECLARED"))
                .body("unit", equalTo("akutt"))
                .extract().path("id");
        JsonNode event = Api.event(bootstrap, id, "record-registered");
        JsonNode data = event.path("data");
        assertThat(data.path("employeeId").asText()).isEqualTo(employee);
        assertThat(data.path("competenceCode").asText()).isEqualTo("HLR");
        assertThat(data.path("personnelGroup").asText()).isEqualTo("spesialsykepleier");
        assertThat(data.path("validUntil").asText()).isEqualTo(acquired.plusMonths(12).toString());
        assertThat(data.path("hf").asText()).isEqualTo("helse-bergen");

        String spes = Api.createRecord("vest-hr", employee, "SPES-INTENSIV", today().minusYears(3), null);
        JsonNode spesEvent = Api.event(bootstrap, spes, "record-registered");
        assertThat(spesEvent.path("data").path("impliedCodes").get(0).asText()).isEqualTo("AUT-SYKEPLEIER");
        assertThat(spesEvent.path("data").path("validUntil").isNull()).isTrue();
        assertThat(spesEvent.path("data").path("trustLevel").asText()).isEqualTo("VERIFIED");

        as("vest-leader").queryParam("validOn", today().toString())
                .get(ROOT + "/employees/" + employee + "/competences").then().statusCode(200)
                .body("validCodes", hasItems("HLR", "SPES-INTENSIV", "AUT-SYKEPLEIER"))
                .body("records.size()", equalTo(2));
        as("vest-leader").queryParam("validOn", acquired.minusDays(1).toString())
                .get(ROOT + "/employees/" + employee + "/competences").then().statusCode(200)
                .body("validCodes", not(hasItem("HLR")));
    }

    @Test
    void aRecordWrittenAlreadyLapsedIsStoredExpiredAndAnnouncedAtOnce() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = as("vest-hr").body(recordBody(employee, "HLR", today().minusMonths(14), today().minusDays(1), null))
                .post(ROOT + "/records").then().statusCode(201)
                .body("status", equalTo("EXPIRED")).body("valid", equalTo(false))
                .extract().path("id");
        Api.event(bootstrap, id, "record-registered");
        JsonNode expired = Api.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void updatingValidityPublishesUpdatedAndExpiredWhenNowPast() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Api.createRecord("vest-hr", employee, "LEGEMIDDELHANDTERING", today().minusMonths(1), null);
        as("vest-hr").body(Map.of("validUntil", today().plusYears(1).toString(), "version", 0,
                        "evidence", Map.of("issuer", "Helse Bergen", "documentReference", "KURS-42")))
                .put(ROOT + "/records/" + id).then().statusCode(200)
                .body("validUntil", equalTo(today().plusYears(1).toString())).body("version", equalTo(1))
                .body("evidence.documentReference", equalTo("KURS-42"));
        JsonNode updated = Api.event(bootstrap, id, "record-updated");
        assertThat(updated.path("data").path("version").asLong()).isEqualTo(1);

        as("vest-hr").body(Map.of("validUntil", today().plusYears(2).toString(), "version", 0))
                .put(ROOT + "/records/" + id).then().statusCode(409);

        as("vest-hr").body(Map.of("validUntil", today().minusDays(2).toString(), "version", 1))
                .put(ROOT + "/records/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        JsonNode expired = Api.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("validUntil").asText()).isEqualTo(today().minusDays(2).toString());

        as("vest-hr").body(Map.of("validUntil", today().minusYears(1).toString(), "version", 2))
                .put(ROOT + "/records/" + id).then().statusCode(400).body("violations[0].field", equalTo("validUntil"));
    }

    @Test
    void validityIsEnforcedOnReadBeforeTheExpiryJobRuns() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Api.createRecord("vest-hr", employee, "HLR", today().minusMonths(11), today().plusDays(10));
        TestClock.INSTANCE.moveTo(Duration.ofDays(20));
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("valid", equalTo(false));
        as("vest-hr").get(ROOT + "/employees/" + employee + "/competences").then().statusCode(200)
                .body("validCodes", not(hasItem("HLR")));
    }

    @Test
    void revokeAndAttestFollowTheirRules() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "helsefagarbeider");
        String colleague = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String skill = as("vest-hr").body(recordBody(employee, "BLODPROVE", today().minusWeeks(1), null, null))
                .post(ROOT + "/records").then().statusCode(201).extract().path("id");
        as("vest-leader").body(Map.of("attestedBy", colleague, "level", 2, "version", 0))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(200)
                .body("trustLevel", equalTo("ATTESTED")).body("attestation.level", equalTo(2))
                .body("attestation.attestedBy", equalTo(colleague));
        JsonNode attested = Api.event(bootstrap, skill, "record-attested");
        assertThat(attested.path("data").path("trustLevel").asText()).isEqualTo("ATTESTED");
        as("vest-leader").body(Map.of("attestedBy", employee, "level", 2, "version", 1))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(422);
        as("vest-leader").body(Map.of("attestedBy", colleague, "level", 4, "version", 1))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(400)
                .body("violations[0].field", equalTo("level"));

        String formal = Api.createRecord("vest-hr", employee, "AUT-HELSEFAGARBEIDER", today().minusYears(5), null);
        as("vest-hr").body(Map.of("attestedBy", colleague, "level", 1, "version", 0))
                .post(ROOT + "/records/" + formal + "/attest").then().statusCode(422);

        as("vest-hr").body(Map.of("reason", "", "version", 0))
                .post(ROOT + "/records/" + formal + "/revoke").then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as("vest-hr").body(Map.of("reason", "Authorisation withdrawn by Helsetilsynet", "version", 0))
                .post(ROOT + "/records/" + formal + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("valid", equalTo(false));
        JsonNode revoked = Api.event(bootstrap, formal, "record-revoked");
        assertThat(revoked.path("data").path("reason").asText()).isEqualTo("Authorisation withdrawn by Helsetilsynet");
        as("vest-hr").body(Map.of("reason", "again", "version", 1))
                .post(ROOT + "/records/" + formal + "/revoke").then().statusCode(409);
        as("vest-hr").body(Map.of("validUntil", today().plusYears(1).toString(), "version", 1))
                .put(ROOT + "/records/" + formal).then().statusCode(422);
    }

    @Test
    void invalidRecordsAreRefusedNamingTheField() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        as("vest-hr").body(Map.of("employeeId", employee, "competenceCode", "HLR", "acquiredOn", "2024-13-45"))
                .post(ROOT + "/records").then().statusCode(400).body("violations[0].field", equalTo("acquiredOn"));
        as("vest-hr").body(recordBody(employee, "NO-SUCH", today(), null, null))
                .post(ROOT + "/records").then().statusCode(400).body("violations[0].field", equalTo("competenceCode"));
        as("vest-hr").body(recordBody(employee, "HLR", today().plusDays(3), null, null))
                .post(ROOT + "/records").then().statusCode(400).body("violations[0].field", equalTo("acquiredOn"));
        as("vest-hr").body(recordBody(employee, "AUT-SYKEPLEIER", today().minusYears(1), null, null))
                .post(ROOT + "/records").then().statusCode(400)
                .body("violations[0].field", equalTo("evidence.documentReference"));
        as("vest-hr").body(recordBody(employee, "HLR", today(), null, "12345678901"))
                .post(ROOT + "/records").then().statusCode(400)
                .body("violations[0].field", equalTo("evidence.documentReference"))
                .body("violations[0].message", containsString("national identity number"));
        as("vest-hr").body(recordBody(employee, "HLR", today(), today().minusDays(1), null))
                .post(ROOT + "/records").then().statusCode(400).body("violations[0].field", equalTo("validUntil"));
        Map<String, Object> attested = recordBody(employee, "HLR", today(), null, null);
        attested.put("trustLevel", "ATTESTED");
        as("vest-hr").body(attested).post(ROOT + "/records").then().statusCode(400)
                .body("violations[0].field", equalTo("trustLevel"));
        Api.createRecord("vest-hr", employee, "EKG", today(), null);
        as("vest-hr").body(recordBody(employee, "EKG", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(409);
        as("vest-hr").get(ROOT + "/records/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void otherRegionsAndHfsSeeNothingAndHistoryIsForAuditorsAndAdmins() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Api.createRecord("vest-hr", employee, "HLR", today().minusDays(3), null);
        as("vest-hr").body(Map.of("validUntil", today().plusMonths(6).toString(), "version", 0))
                .put(ROOT + "/records/" + id).then().statusCode(200);

        as("sorost-admin").get(ROOT + "/records/" + id).then().statusCode(404);
        as("sorost-national").get(ROOT + "/records/" + id).then().statusCode(200);
        as("sorost-hr").body(Map.of("validUntil", today().toString(), "version", 1))
                .put(ROOT + "/records/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of("reason", "x", "version", 1))
                .post(ROOT + "/records/" + id + "/revoke").then().statusCode(404);
        as("sorost-admin").body(Map.of("attestedBy", employee, "level", 1, "version", 1))
                .post(ROOT + "/records/" + id + "/attest").then().statusCode(404);
        as("sorost-auditor").get(ROOT + "/records/" + id + "/history").then().statusCode(404);
        as("sorost-hr").body(recordBody(employee, "HLR", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(400).body("violations[0].field", equalTo("employeeId"));
        as("sorost-admin").queryParam("employeeId", employee).get(ROOT + "/records").then().statusCode(200)
                .body("total", equalTo(0));

        as("vest-auditor").get(ROOT + "/records/" + id + "/history").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].action", equalTo("REGISTERED"))
                .body("[1].action", equalTo("UPDATED"))
                .body("[1].changes.validUntil.to", equalTo(today().plusMonths(6).toString()))
                .body("[1].actor", not(nullValue()));
        as("vest-hr").get(ROOT + "/records/" + id + "/history").then().statusCode(403);
        as("vest-hr").queryParam("employeeId", employee).get(ROOT + "/records").then().statusCode(200)
                .body("total", equalTo(1));
        as("vest-hr").body(recordBody(employee, "HLR", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(201);

        String stavanger = Api.createEmployee("vest-admin", "helse-stavanger", "post", "sykepleier");
        as("vest-hr").body(recordBody(stavanger, "HLR", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(404);

        given().get(ROOT + "/records").then().statusCode(401);
        as("vest-norole").get(ROOT + "/records/" + id).then().statusCode(403);
        as("vest-employee").get(ROOT + "/records/" + id).then().statusCode(403);
    }

    @Test
    void readsOfAnEmployeesCompetenceByOthersAreAccessLogged() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Api.createRecord("vest-hr", employee, "HLR", today().minusDays(3), null);
        as("vest-leader").get(ROOT + "/employees/" + employee + "/competences").then().statusCode(200);
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200);
        as("vest-auditor").queryParam("employeeId", employee).get(ROOT + "/access-log").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", hasItems("competences", "record"))
                .body("items.actorRhf", equalTo(List.of("helse-vest", "helse-vest")));
        as("sorost-auditor").queryParam("employeeId", employee).get(ROOT + "/access-log").then().statusCode(200)
                .body("total", equalTo(0));
        as("vest-hr").get(ROOT + "/access-log").then().statusCode(403);
    }
}
