package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.publishedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One unit through the TØRN method, a step per test: map the process, analyse, propose new performer groups, and
 * read the hours moved between groups. A failing step names itself; the steps after it are skipped.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TornMethodTest {

    private static final String UNIT = "Medisinsk sengepost 3";

    private static String dispensing;
    private static String meals;
    private static String transport;
    private static String id;
    private static String dispensingStep;
    private static String mealStep;
    private static String transportStep;
    private static String proposalId;
    private static int done;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static RequestSpecification as(String user) {
        return no.torn.task.Fixtures.as(user).config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static void after(int step) {
        assumeTrue(done >= step, "an earlier step of the method failed");
    }

    @Test
    @Order(1)
    void aUnitLeaderStartsAProcessMapping() {
        dispensing = nationalTask("MED-DISP", "MEDICATION", "MEDIUM", true, false,
                List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        meals = nationalTask("MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        transport = nationalTask("TRANSPORT", "LOGISTICS", "LOW", false, true, List.of());
        id = as("vest-leader").body(Map.of("hf", "helse-bergen", "unit", UNIT, "name", "Legemidler og måltider",
                        "unionRepresentativeInvolved", true,
                        "participants", List.of("Sykepleiere post 3", "Helsefagarbeidere post 3", "Tillitsvalgt NSF")))
                .post("/api/v1/process-mappings").then().statusCode(201)
                .body("phase", equalTo("MAPPING")).body("rhf", equalTo("helse-vest")).body("version", equalTo(0))
                .extract().path("id");
        done = 1;
    }

    @Test
    @Order(2)
    void analysisNeedsMappedStepsFirst() {
        after(1);
        as("vest-leader").body(Map.of("version", 0, "phase", "ANALYSIS")).post(path("/phase"))
                .then().statusCode(422).body("violations[0].field", equalTo("steps"));
        done = 2;
    }

    @Test
    @Order(3)
    void stepsAreMappedWithTheirTaskPerformerAndLoad() {
        after(2);
        dispensingStep = addStep(0, dispensing, "sykepleier", "14", 20).statusCode(201)
                .body("version", equalTo(1)).extract().path("steps[0].id");
        mealStep = addStep(1, meals, "sykepleier", "21", 15).statusCode(201).extract().path("steps[1].id");
        transportStep = addStep(2, transport, "helsefagarbeider", "10.5", 7).statusCode(201)
                .body("steps", hasSize(3)).extract().path("steps[2].id");
        addStep(3, "NO-SUCH-TASK", "sykepleier", "1", 1).statusCode(422);
        addStep(3, meals, "sykepleier", "0", 1).statusCode(400);
        addStep(0, meals, "sykepleier", "1", 1).statusCode(409);
        done = 3;
    }

    @Test
    @Order(4)
    void noProposalsWhileMappingAndPhasesMoveOneAtATime() {
        after(3);
        propose(dispensingStep, 3, "helsefagarbeider", "AVAILABLE").statusCode(422);
        as("vest-leader").body(Map.of("version", 3, "phase", "PROPOSAL")).post(path("/phase"))
                .then().statusCode(409);
        as("vest-leader").body(Map.of("version", 3, "phase", "ANALYSIS")).post(path("/phase"))
                .then().statusCode(200).body("phase", equalTo("ANALYSIS")).body("version", equalTo(4));
        TopicReader.Event phase = publishedEvent(bootstrap, "process-mapping-phase-changed", id);
        assertThat(phase.data().path("fromPhase").asText()).isEqualTo("MAPPING");
        assertThat(phase.data().path("toPhase").asText()).isEqualTo("ANALYSIS");
        assertThat(phase.data().path("hf").asText()).isEqualTo("helse-bergen");
        done = 4;
    }

    @Test
    @Order(5)
    void aProposalIsAProposedSharingMappingAnnouncedLikeAnyOther() {
        after(4);
        // A proposal's extra competences are catalogue codes like a task's (R-CAT-01); nothing is proposed.
        as("vest-leader").body(Map.of("version", 4, "toGroup", "helsefagarbeider", "supervisionLevel", "AVAILABLE",
                        "legalBasis", "Helsepersonelloven §5", "extraRequiredCompetences", List.of("NOPE-KURS")))
                .post(path("/steps/" + dispensingStep + "/proposal")).then().statusCode(422)
                .body("rules.rule", equalTo(List.of("R-CAT-01")))
                .body("rules.field", equalTo(List.of("extraRequiredCompetences[0]")));
        proposalId = propose(dispensingStep, 4, "helsefagarbeider", "AVAILABLE").statusCode(201)
                .body("steps[0].proposedGroup", equalTo("helsefagarbeider"))
                .body("steps[0].proposalStatus", equalTo("PROPOSED"))
                .extract().path("steps[0].sharingMappingId");
        propose(mealStep, 5, "matvert", "NONE").statusCode(201);
        propose(transportStep, 6, "portor", "NONE").statusCode(201);
        propose(dispensingStep, 7, "lege", "NONE").statusCode(409);
        as("vest-admin").get("/api/v1/sharing-mappings/" + proposalId).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("processMappingId", equalTo(id))
                .body("fromGroup", equalTo("sykepleier"));
        publishedEvent(bootstrap, "sharing-mapping-proposed", proposalId);
        done = 5;
    }

    @Test
    @Order(6)
    void theWorkloadShowsProposedHoursApartFromApprovedOnes() {
        after(5);
        // 14 × 20 min = 280 min/week; 21 × 15 = 315; 10.5 × 7 = 73.5. Hours = minutes / 60, per year × 52.
        // Nothing is approved yet: every move is a proposal, and "after" is today's load.
        as("vest-employee").get("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("workload.weeksPerYear", equalTo(52))
                .body("workload.before", hasSize(2))
                .body("workload.before.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("9.92")))
                .body("workload.before.find { it.group == 'sykepleier' }.hoursPerYear", equalTo(dec("515.67")))
                .body("workload.before.find { it.group == 'helsefagarbeider' }.hoursPerWeek", equalTo(dec("1.23")))
                .body("workload.before.find { it.group == 'helsefagarbeider' }.hoursPerYear", equalTo(dec("63.70")))
                .body("workload.after.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("9.92")))
                .body("workload.moved", hasSize(0))
                .body("workload.approvedHoursPerWeek", equalTo(dec("0.00")))
                .body("workload.afterProposals.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("0.00")))
                .body("workload.afterProposals.find { it.group == 'helsefagarbeider' }.hoursPerWeek",
                        equalTo(dec("4.67")))
                .body("workload.afterProposals.find { it.group == 'matvert' }.hoursPerYear", equalTo(dec("273.00")))
                .body("workload.afterProposals.find { it.group == 'portor' }.hoursPerWeek", equalTo(dec("1.23")))
                .body("workload.proposed", hasSize(3))
                .body("workload.proposed.find { it.fromGroup == 'sykepleier' && it.toGroup == 'helsefagarbeider' }"
                        + ".hoursPerWeek", equalTo(dec("4.67")))
                .body("workload.proposed.find { it.fromGroup == 'sykepleier' && it.toGroup == 'helsefagarbeider' }"
                        + ".hoursPerYear", equalTo(dec("242.67")))
                .body("workload.proposed.find { it.fromGroup == 'sykepleier' && it.toGroup == 'matvert' }"
                        + ".hoursPerWeek", equalTo(dec("5.25")))
                .body("workload.proposed.find { it.fromGroup == 'helsefagarbeider' && it.toGroup == 'portor' }"
                        + ".hoursPerYear", equalTo(dec("63.70")))
                // 280 + 315 + 73.5 = 668.5 min = 11.1416.. h → 11.14.
                .body("workload.proposedHoursPerWeek", equalTo(dec("11.14")));
        done = 6;
    }

    @Test
    @Order(7)
    void aRetiredProposalNoLongerMovesHoursAndTheStepMayGetANewOne() {
        after(6);
        ValidatableResponse read = as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200);
        long version = read.extract().<Number>path("version").longValue();
        String mealProposal = read.extract().path("steps[1].sharingMappingId");
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + mealProposal + "/retire")
                .then().statusCode(200);
        as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("steps[1].proposalStatus", equalTo("RETIRED"))
                .body("workload.proposed", hasSize(2))
                .body("workload.afterProposals.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("5.25")));
        propose(mealStep, version, "matvert", "AVAILABLE").statusCode(201);
        done = 7;
    }

    @Test
    @Order(8)
    void anApprovedProposalMovesHoursAndTheOthersStayProposed() {
        after(7);
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + proposalId + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("steps[0].proposalStatus", equalTo("APPROVED"))
                .body("workload.moved", hasSize(1))
                .body("workload.moved[0].fromGroup", equalTo("sykepleier"))
                .body("workload.moved[0].toGroup", equalTo("helsefagarbeider"))
                .body("workload.moved[0].hoursPerWeek", equalTo(dec("4.67")))
                .body("workload.approvedHoursPerWeek", equalTo(dec("4.67")))
                .body("workload.approvedHoursPerYear", equalTo(dec("242.67")))
                .body("workload.after.find { it.group == 'sykepleier' }.hoursPerWeek", equalTo(dec("5.25")))
                // The health workers keep transport (73.5 min, only proposed) and take dispensing: 353.5 min.
                .body("workload.after.find { it.group == 'helsefagarbeider' }.hoursPerWeek", equalTo(dec("5.89")))
                .body("workload.proposed", hasSize(2))
                .body("workload.proposed.find { it.toGroup == 'helsefagarbeider' }", nullValue())
                // 315 + 73.5 = 388.5 min = 6.475 h → 6.48 (half-up).
                .body("workload.proposedHoursPerWeek", equalTo(dec("6.48")));
    }

    private static String path(String suffix) {
        return "/api/v1/process-mappings/" + id + suffix;
    }

    private static ValidatableResponse addStep(long version, String task, String group, String perWeek,
                                               int minutes) {
        return as("vest-leader").body(Map.of("version", version, "taskCode", task, "performerGroup", group,
                "occurrencesPerWeek", new BigDecimal(perWeek), "minutesPerOccurrence", minutes))
                .post(path("/steps")).then();
    }

    private static ValidatableResponse propose(String stepId, long version, String toGroup, String supervision) {
        return as("vest-leader").body(Map.of("version", version, "toGroup", toGroup,
                        "supervisionLevel", supervision, "legalBasis", "Helsepersonelloven §5"))
                .post(path("/steps/" + stepId + "/proposal")).then();
    }
}
