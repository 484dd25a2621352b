package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.publishedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProcessMappingTest {

    private static final String UNIT = "Medisinsk sengepost 3";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static RequestSpecification as(String user) {
        return no.torn.task.Fixtures.as(user).config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @Test
    void tornMethodFromMappingToProposalsWithHoursMovedBetweenGroups() {
        String dispensing = nationalTask("MED-DISP", "MEDICATION", "MEDIUM", true, false,
                List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        String meals = nationalTask("MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        String transport = nationalTask("TRANSPORT", "LOGISTICS", "LOW", false, true, List.of());

        String id = as("vest-leader").body(Map.of("hf", "helse-bergen", "unit", UNIT, "name", "Legemidler og måltider",
                        "unionRepresentativeInvolved", true,
                        "participants", List.of("Sykepleiere post 3", "Helsefagarbeidere post 3", "Tillitsvalgt NSF")))
                .post("/api/v1/process-mappings").then().statusCode(201)
                .body("phase", equalTo("MAPPING")).body("rhf", equalTo("helse-vest")).body("version", equalTo(0))
                .extract().path("id");

        // Analysis needs mapped steps first.
        as("vest-leader").body(Map.of("version", 0, "phase", "ANALYSIS")).post(path(id, "/phase"))
                .then().statusCode(422).body("violations[0].field", equalTo("steps"));

        String dispensingStep = addStep(id, 0, dispensing, "sykepleier", "14", 20).statusCode(201)
                .body("version", equalTo(1)).extract().path("steps[0].id");
        String mealStep = addStep(id, 1, meals, "sykepleier", "21", 15).statusCode(201)
                .extract().path("steps[1].id");
        String transportStep = addStep(id, 2, transport, "helsefagarbeider", "10.5", 7).statusCode(201)
                .body("steps", hasSize(3)).extract().path("steps[2].id");
        addStep(id, 3, "NO-SUCH-TASK", "sykepleier", "1", 1).statusCode(422);
        addStep(id, 3, meals, "sykepleier", "0", 1).statusCode(400);
        addStep(id, 0, meals, "sykepleier", "1", 1).statusCode(409);

        // "Don't jump to solutions": no proposals while still mapping; phases go one at a time.
        propose(id, dispensingStep, 3, "helsefagarbeider", "AVAILABLE").statusCode(422);
        as("vest-leader").body(Map.of("version", 3, "phase", "PROPOSAL")).post(path(id, "/phase"))
                .then().statusCode(409);
        as("vest-leader").body(Map.of("version", 3, "phase", "ANALYSIS")).post(path(id, "/phase"))
                .then().statusCode(200).body("phase", equalTo("ANALYSIS")).body("version", equalTo(4));
        TopicReader.Event phase = publishedEvent(bootstrap, "process-mapping-phase-changed", id);
        assertThat(phase.data().path("fromPhase").asText()).isEqualTo("MAPPING");
        assertThat(phase.data().path("toPhase").asText()).isEqualTo("ANALYSIS");
        assertThat(phase.data().path("hf").asText()).isEqualTo("helse-bergen");

        String proposalId = propose(id, dispensingStep, 4, "helsefagarbeider", "AVAILABLE").statusCode(201)
                .body("steps[0].proposedGroup", equalTo("helsefagarbeider"))
                .body("steps[0].proposalStatus", equalTo("PROPOSED"))
                .extract().path("steps[0].sharingMappingId");
        propose(id, mealStep, 5, "matvert", "NONE").statusCode(201);
        propose(id, transportStep, 6, "portor", "NONE").statusCode(201);
        propose(id, dispensingStep, 7, "lege", "NONE").statusCode(409);
        // The proposal is a sharing mapping in status PROPOSED, announced like any other.
        as("vest-admin").get("/api/v1/sharing-mappings/" + proposalId).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("processMappingId", equalTo(id))
                .body("fromGroup", equalTo("sykepleier"));
        publishedEvent(bootstrap, "sharing-mapping-proposed", proposalId);

        // 14 × 20 min = 280 min/week; 21 × 15 = 315; 10.5 × 7 = 73.5. Hours = minutes / 60, per year × 52.
        ValidatableResponse read = as("vest-employee").get("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("workload.weeksPerYear", equalTo(52))
                .body("workload.before", hasSize(2))
                .body("workload.before.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("9.92")))
                .body("workload.before.find { it.group == 'sykepleier' }.hoursPerYear", equalTo(dec("515.67")))
                .body("workload.before.find { it.group == 'helsefagarbeider' }.hoursPerWeek", equalTo(dec("1.23")))
                .body("workload.before.find { it.group == 'helsefagarbeider' }.hoursPerYear", equalTo(dec("63.70")))
                .body("workload.after.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("0.00")))
                .body("workload.after.find { it.group == 'helsefagarbeider' }.hoursPerWeek", equalTo(dec("4.67")))
                .body("workload.after.find { it.group == 'matvert' }.hoursPerYear", equalTo(dec("273.00")))
                .body("workload.after.find { it.group == 'portor' }.hoursPerWeek", equalTo(dec("1.23")))
                .body("workload.moved", hasSize(3))
                .body("workload.moved.find { it.fromGroup == 'sykepleier' && it.toGroup == 'helsefagarbeider' }"
                        + ".hoursPerWeek", equalTo(dec("4.67")))
                .body("workload.moved.find { it.fromGroup == 'sykepleier' && it.toGroup == 'helsefagarbeider' }"
                        + ".hoursPerYear", equalTo(dec("242.67")))
                .body("workload.moved.find { it.fromGroup == 'sykepleier' && it.toGroup == 'matvert' }"
                        + ".hoursPerWeek", equalTo(dec("5.25")))
                .body("workload.moved.find { it.fromGroup == 'helsefagarbeider' && it.toGroup == 'portor' }"
                        + ".hoursPerYear", equalTo(dec("63.70")));
        long version = read.extract().<Integer>path("version");

        // A retired proposal no longer moves hours.
        String mealProposal = read.extract().path("steps[1].sharingMappingId");
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + mealProposal + "/retire")
                .then().statusCode(200);
        as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("steps[1].proposalStatus", equalTo("RETIRED"))
                .body("workload.moved", hasSize(2))
                .body("workload.after.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("5.25")));
        // ... and the step may get a new proposal.
        propose(id, mealStep, version, "matvert", "AVAILABLE").statusCode(201);
    }

    @Test
    void unitLeadersWorkInTheirOwnHfAndForeignRhfsSeeNothing() {
        as("vest-leader").body(Map.of("hf", "helse-stavanger", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(403);
        as("vest-admin").body(Map.of("hf", "ous", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(403);
        as("vest-admin").body(Map.of("hf", "nowhere", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(400);
        as("vest-hr").body(Map.of("hf", "helse-bergen", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(403);
        as("vest-admin").body(Map.of("hf", "helse-bergen", "unit", UNIT)).post("/api/v1/process-mappings")
                .then().statusCode(400);

        String id = as("vest-admin").body(Map.of("hf", "helse-stavanger", "unit", "Akuttmottak",
                        "name", "Triage av pasientgruppe", "unionRepresentativeInvolved", false))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        // A unit leader of another HF of the same RHF reads but does not change it.
        as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200);
        as("vest-leader").body(Map.of("version", 0, "name", "y", "unionRepresentativeInvolved", true))
                .put("/api/v1/process-mappings/" + id).then().statusCode(403);
        as("vest-admin").body(Map.of("version", 0, "name", "Triage", "unionRepresentativeInvolved", true,
                        "participants", List.of("Akuttsykepleiere", "LIS")))
                .put("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("participants", equalTo(List.of("Akuttsykepleiere", "LIS")))
                .body("unionRepresentativeInvolved", equalTo(true)).body("updatedBy", notNullValue());
        as("vest-admin").body(Map.of("version", 0, "name", "Triage", "unionRepresentativeInvolved", true))
                .put("/api/v1/process-mappings/" + id).then().statusCode(409);

        as("sorost-admin").get("/api/v1/process-mappings/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of("version", 1, "phase", "ANALYSIS")).post(path(id, "/phase"))
                .then().statusCode(404);
        as("sorost-admin").get("/api/v1/process-mappings?size=200").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }", hasSize(0));
        as("vest-auditor").get("/api/v1/process-mappings?hf=helse-stavanger&unit=Akuttmottak&size=200").then()
                .statusCode(200).body("items.findAll { it.id == '" + id + "' }", hasSize(1));
        as("sorost-national").get("/api/v1/process-mappings/" + id).then().statusCode(200);
        as("vest-norole").get("/api/v1/process-mappings/" + id).then().statusCode(403);
        given().get("/api/v1/process-mappings/" + id).then().statusCode(401);
        as("vest-admin").get("/api/v1/process-mappings?phase=DONE").then().statusCode(400);
        as("vest-admin").get("/api/v1/process-mappings/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    private static String path(String id, String suffix) {
        return "/api/v1/process-mappings/" + id + suffix;
    }

    private static ValidatableResponse addStep(String id, long version, String task, String group, String perWeek,
                                               int minutes) {
        return as("vest-leader").body(Map.of("version", version, "taskCode", task, "performerGroup", group,
                "occurrencesPerWeek", new BigDecimal(perWeek), "minutesPerOccurrence", minutes))
                .post(path(id, "/steps")).then();
    }

    private static ValidatableResponse propose(String id, String stepId, long version, String toGroup,
                                               String supervision) {
        return as("vest-leader").body(Map.of("version", version, "toGroup", toGroup,
                        "supervisionLevel", supervision, "legalBasis", "Helsepersonelloven §5"))
                .post(path(id, "/steps/" + stepId + "/proposal")).then();
    }
}
