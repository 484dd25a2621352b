package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
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
        TestClock.reset();
    }

    @Test
    void registeringACourseDefaultsItsValidityAndPublishesTheRecord() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "spesialsykepleier");
        LocalDate acquired = today().minusMonths(2);
        String id = as("vest-hr").body(recordBody(employee, "HLR", acquired, null, null))
                .post(ROOT + "/records").then().statusCode(201)
                .body("validUntil", equalTo(acquired.plusMonths(12).toString()))
                .body("status", equalTo("ACTIVE")).body("valid", equalTo(true))
                .body("source", equalTo("MANUAL")).body("trustLevel", equalTo("SELF_DECLARED"))
                .body("unit", equalTo("akutt"))
                .extract().path("id");
        JsonNode event = Fixtures.event(bootstrap, id, "record-registered");
        JsonNode data = event.path("data");
        assertThat(data.path("employeeId").asText()).isEqualTo(employee);
        assertThat(data.path("competenceCode").asText()).isEqualTo("HLR");
        assertThat(data.path("personnelGroup").asText()).isEqualTo("spesialsykepleier");
        assertThat(data.path("validUntil").asText()).isEqualTo(acquired.plusMonths(12).toString());
        assertThat(data.path("hf").asText()).isEqualTo("helse-bergen");

        String spes = Fixtures.createRecord("vest-hr", employee, "SPES-INTENSIV", today().minusYears(3), null);
        JsonNode spesEvent = Fixtures.event(bootstrap, spes, "record-registered");
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
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = as("vest-hr").body(recordBody(employee, "HLR", today().minusMonths(14), today().minusDays(1), null))
                .post(ROOT + "/records").then().statusCode(201)
                .body("status", equalTo("EXPIRED")).body("valid", equalTo(false))
                .extract().path("id");
        Fixtures.event(bootstrap, id, "record-registered");
        JsonNode expired = Fixtures.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void updatingValidityPublishesUpdatedAndExpiredWhenNowPast() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Fixtures.createRecord("vest-hr", employee, "LEGEMIDDELHANDTERING", today().minusMonths(1), null);
        as("vest-hr").body(Map.of("validUntil", today().plusYears(1).toString(), "version", 0,
                        "evidence", Map.of("issuer", "Helse Bergen", "documentReference", "KURS-42")))
                .put(ROOT + "/records/" + id).then().statusCode(200)
                .body("validUntil", equalTo(today().plusYears(1).toString())).body("version", equalTo(1))
                .body("evidence.documentReference", equalTo("KURS-42"));
        JsonNode updated = Fixtures.event(bootstrap, id, "record-updated");
        assertThat(updated.path("data").path("version").asLong()).isEqualTo(1);

        as("vest-hr").body(Map.of("validUntil", today().plusYears(2).toString(), "version", 0))
                .put(ROOT + "/records/" + id).then().statusCode(409);

        as("vest-hr").body(Map.of("validUntil", today().minusDays(2).toString(), "version", 1))
                .put(ROOT + "/records/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
        JsonNode expired = Fixtures.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("validUntil").asText()).isEqualTo(today().minusDays(2).toString());

        as("vest-hr").body(Map.of("validUntil", today().minusYears(1).toString(), "version", 2))
                .put(ROOT + "/records/" + id).then().statusCode(400).body("violations[0].field", equalTo("validUntil"));
    }

    @Test
    void validityIsEnforcedOnReadBeforeTheExpiryJobRuns() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Fixtures.createRecord("vest-hr", employee, "HLR", today().minusMonths(11), today().plusDays(10));
        TestClock.shift(Duration.ofDays(20));
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("valid", equalTo(false));
        as("vest-hr").get(ROOT + "/employees/" + employee + "/competences").then().statusCode(200)
                .body("validCodes", not(hasItem("HLR")));
    }

    @Test
    void invalidRecordsAreRefusedNamingTheField() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
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
        Fixtures.createRecord("vest-hr", employee, "EKG", today(), null);
        as("vest-hr").body(recordBody(employee, "EKG", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(409);
        as("vest-hr").get(ROOT + "/records/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void readsOfAnEmployeesCompetenceByOthersAreAccessLogged() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Fixtures.createRecord("vest-hr", employee, "HLR", today().minusDays(3), null);
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
