package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.publishedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class SharingMappingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void draftIsProposedByUnitLeaderApprovedByRhfAdminAndRetiredWithEventsPerTransition() {
        String task = nationalTask("MED-DISPENSING", "MEDICATION", "MEDIUM", true, false,
                List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        String id = createMapping("vest-leader", task, "sykepleier", "helsefagarbeider", "AVAILABLE",
                List.of("LEGEMIDDELKURS-HFA"))
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("rhf", equalTo("helse-vest"))
                .body("requiredCompetences", equalTo(List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING",
                        "LEGEMIDDELKURS-HFA")))
                .body("created.by", notNullValue())
                .body("proposed", nullValue())
                .extract().path("id");

        // Approving a draft skips a state.
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(409);
        // A unit leader proposes but does not approve.
        as("vest-leader").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(200).body("status", equalTo("PROPOSED")).body("proposed.at", notNullValue())
                .body("version", equalTo(1));
        as("vest-leader").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(403);
        // A proposed mapping is no longer edited.
        as("vest-leader").body(Map.of("version", 1, "taskCode", task, "fromGroup", "sykepleier",
                        "toGroup", "helsefagarbeider", "supervisionLevel", "DIRECT", "legalBasis", "Hpl §5"))
                .put("/api/v1/sharing-mappings/" + id).then().statusCode(409);
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(409).body("type", containsString("stale-version"));
        as("vest-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approved.by", notNullValue());
        as("vest-admin").body(Map.of("version", 2)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(409);

        TopicReader.Event proposed = publishedEvent(bootstrap, "sharing-mapping-proposed", id);
        assertThat(proposed.data().path("status").asText()).isEqualTo("PROPOSED");
        TopicReader.Event approved = publishedEvent(bootstrap, "sharing-mapping-approved", id);
        assertThat(approved.cloudEvent().path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(approved.data().path("taskCode").asText()).isEqualTo(task);
        assertThat(approved.data().path("toGroup").asText()).isEqualTo("helsefagarbeider");
        assertThat(approved.data().path("supervisionLevel").asText()).isEqualTo("AVAILABLE");
        assertThat(approved.data().path("riskLevel").asText()).isEqualTo("MEDIUM");
        assertThat(approved.data().path("extraRequiredCompetences").toString()).isEqualTo("[\"LEGEMIDDELKURS-HFA\"]");
        assertThat(approved.data().path("requiredCompetences").size()).isEqualTo(3);

        as("vest-auditor").get("/api/v1/sharing-mappings?taskCode=" + task + "&status=APPROVED").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));

        as("vest-admin").body(Map.of("version", 2)).post("/api/v1/sharing-mappings/" + id + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("retired.at", notNullValue());
        as("vest-admin").body(Map.of("version", 3)).post("/api/v1/sharing-mappings/" + id + "/retire")
                .then().statusCode(409);
        as("vest-admin").body(Map.of("version", 3)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(409);
        publishedEvent(bootstrap, "sharing-mapping-retired", id);

        // Once retired, the same task and groups may be mapped again.
        createMapping("vest-admin", task, "sykepleier", "helsefagarbeider", "DIRECT", List.of()).statusCode(201);
    }

    @Test
    void mappingRulesAreEnforcedWith422() {
        String healthTask = nationalTask("INJ", "MEDICATION", "HIGH", true, false, List.of("AUT-SYKEPLEIER"));
        createMapping("vest-admin", healthTask, "sykepleier", "portor", "DIRECT", List.of()).statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("toGroup"))
                .body("violations[0].message", containsString("not an authorised health profession"));
        createMapping("vest-admin", healthTask, "lege", "sykepleier", "NONE", List.of()).statusCode(422)
                .body("violations[0].field", equalTo("supervisionLevel"));
        createMapping("vest-admin", healthTask, "sykepleier", "sykepleier", "DIRECT", List.of()).statusCode(422)
                .body("violations.field", hasItem("toGroup"));

        String clinicalNoUntrained = nationalTask("OBS", "CLINICAL", "LOW", false, false, List.of());
        createMapping("vest-admin", clinicalNoUntrained, "helsefagarbeider", "matvert", "NONE", List.of())
                .statusCode(422).body("violations[0].field", equalTo("toGroup"));

        String meals = nationalTask("MEALS", "SERVICE_MEALS", "LOW", false, true, List.of("HYGIENEKURS"));
        createMapping("vest-admin", meals, "sykepleier", "matvert", "NONE", List.of()).statusCode(201);
        // No second active mapping of the same task and groups in the RHF ...
        createMapping("vest-leader", meals, "sykepleier", "matvert", "AVAILABLE", List.of()).statusCode(422)
                .body("detail", containsString("already exists"));
        // ... but another RHF has its own.
        createMapping("sorost-admin", meals, "sykepleier", "matvert", "NONE", List.of()).statusCode(201);

        createMapping("vest-admin", meals, "sykepleier", "kokk", "NONE", List.of()).statusCode(400)
                .body("violations[0].field", equalTo("toGroup"));
        createMapping("vest-admin", "NO-SUCH-TASK", "sykepleier", "matvert", "NONE", List.of()).statusCode(422)
                .body("violations[0].field", equalTo("taskCode"));
        as("vest-admin").body(Map.of("taskCode", meals, "fromGroup", "sykepleier", "toGroup", "matvert",
                "supervisionLevel", "SOMETIMES", "legalBasis", "x")).post("/api/v1/sharing-mappings")
                .then().statusCode(400).body("violations[0].field", equalTo("supervisionLevel"));
    }

    @Test
    void draftCanBeChangedAndForeignRhfSeesNothing() {
        String task = nationalTask("CLEAN", "CLEANING", "LOW", false, true, List.of());
        String id = createMapping("vest-leader", task, "helsefagarbeider", "renholder", "NONE", List.of())
                .statusCode(201).extract().path("id");
        as("vest-leader").body(Map.of("version", 0, "taskCode", task, "fromGroup", "sykepleier",
                        "toGroup", "renholder", "supervisionLevel", "AVAILABLE", "legalBasis", "Hpl §5",
                        "extraRequiredCompetences", List.of("SMITTEVERN")))
                .put("/api/v1/sharing-mappings/" + id).then().statusCode(200)
                .body("fromGroup", equalTo("sykepleier")).body("version", equalTo(1))
                .body("extraRequiredCompetences", equalTo(List.of("SMITTEVERN")));

        as("sorost-admin").get("/api/v1/sharing-mappings/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(404);
        as("sorost-admin").get("/api/v1/sharing-mappings?taskCode=" + task).then().statusCode(200)
                .body("total", equalTo(0));
        as("vest-national").get("/api/v1/sharing-mappings/" + id).then().statusCode(200);
        as("vest-employee").get("/api/v1/sharing-mappings/" + id).then().statusCode(200);
        as("vest-employee").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(403);
        as("vest-norole").get("/api/v1/sharing-mappings").then().statusCode(403);
        given().get("/api/v1/sharing-mappings").then().statusCode(401);
        as("vest-admin").get("/api/v1/sharing-mappings/not-a-uuid").then().statusCode(400);
        as("vest-admin").get("/api/v1/sharing-mappings?status=MAYBE").then().statusCode(400);
    }
}
