package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * Creates with an Idempotency-Key: the same caller with the same key and request gets the first answer again; a
 * different request under a used key is refused; keys of different callers never meet.
 */
@QuarkusTest
class IdempotencyTest {

    private static final String KEY = "Idempotency-Key";

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> processMapping(String unit) {
        return Map.of("hf", "helse-bergen", "unit", unit, "name", "Måltider", "unionRepresentativeInvolved", false,
                "participants", List.of("Sykepleiere"));
    }

    private static ValidatableResponse startProcessMapping(String user, String key, Map<String, Object> body) {
        return Api.as(user).header(KEY, key).body(body).post("/api/v1/process-mappings").then();
    }

    private static void assertProcessMappings(String unit, int count) {
        Api.as("vest-leader").get("/api/v1/process-mappings?unit=" + unit).then().statusCode(200)
                .body("total", equalTo(count));
    }

    @Test
    void theSameKeyAndTaskAnswerTheFirst201Again() {
        String key = key();
        String code = uniqueCode("IDEM");
        Map<String, Object> body = task(code, false, "LOGISTICS", "LOW", false, true, List.of());
        var first = Api.as("vest-admin").header(KEY, key).body(body).post("/api/v1/tasks").then().statusCode(201)
                .extract();
        var second = Api.as("vest-admin").header(KEY, key).body(body).post("/api/v1/tasks").then().statusCode(201)
                .extract();
        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location")).endsWith("/api/v1/tasks/" + code);
        // Without the key the repeat is a second create, refused on the code.
        Api.as("vest-admin").body(body).post("/api/v1/tasks").then().statusCode(409);
    }

    @Test
    void theSameKeyAndProcessMappingMakeOneResource() {
        String key = key();
        String unit = "Idem " + key.substring(0, 8);
        String first = startProcessMapping("vest-leader", key, processMapping(unit)).statusCode(201)
                .extract().path("id");
        startProcessMapping("vest-leader", key, processMapping(unit)).statusCode(201).body("id", equalTo(first));
        assertProcessMappings(unit, 1);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422AndMakesNothing() {
        String key = key();
        String unit = "Idem " + key.substring(0, 8);
        startProcessMapping("vest-leader", key, processMapping(unit)).statusCode(201);
        startProcessMapping("vest-leader", key, processMapping(unit + " B")).statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(KEY));
        assertProcessMappings(unit + " B", 0);

        String meals = nationalTask("IDEM-MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        Map<String, Object> mapping = Map.of("taskCode", meals, "fromGroup", "sykepleier", "toGroup", "matvert",
                "supervisionLevel", "NONE", "legalBasis", "Helsepersonelloven §5");
        String other = key();
        Api.as("vest-leader").header(KEY, other).body(mapping).post("/api/v1/sharing-mappings").then()
                .statusCode(201);
        Api.as("vest-leader").header(KEY, other).body(Map.of("taskCode", meals, "fromGroup", "sykepleier",
                        "toGroup", "renholder", "supervisionLevel", "NONE", "legalBasis", "Helsepersonelloven §5"))
                .post("/api/v1/sharing-mappings").then().statusCode(422);
        Api.as("vest-leader").get("/api/v1/sharing-mappings?taskCode=" + meals).then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void twoUsersWithTheSameKeyMakeTwoResources() {
        String key = key();
        String unit = "Idem " + key.substring(0, 8);
        String leaders = startProcessMapping("vest-leader", key, processMapping(unit)).statusCode(201)
                .extract().path("id");
        String others = startProcessMapping("vest-leader2", key, processMapping(unit)).statusCode(201)
                .extract().path("id");
        assertThat(others).isNotEqualTo(leaders);
        assertProcessMappings(unit, 2);
    }

    @Test
    void aBlankOrOverlongKeyIs400NamingTheHeader() {
        String unit = "Idem " + key().substring(0, 8);
        startProcessMapping("vest-leader", " ", processMapping(unit)).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(KEY));
        startProcessMapping("vest-leader", "x".repeat(256), processMapping(unit)).statusCode(400)
                .body("violations[0].field", equalTo(KEY));
        assertProcessMappings(unit, 0);
    }

    @Test
    void aRepeatedStepOrProposalIsMadeOnce() {
        String meals = nationalTask("IDEM-STEP", "SERVICE_MEALS", "LOW", false, true, List.of());
        String unit = "Idem " + key().substring(0, 8);
        String id = startProcessMapping("vest-leader", key(), processMapping(unit)).statusCode(201)
                .extract().path("id");
        String stepKey = key();
        Map<String, Object> step = Map.of("version", 0, "taskCode", meals, "performerGroup", "sykepleier",
                "occurrencesPerWeek", new BigDecimal("21"), "minutesPerOccurrence", 15);
        for (int i = 0; i < 2; i++) {
            Api.as("vest-leader").header(KEY, stepKey).body(step).post("/api/v1/process-mappings/" + id + "/steps")
                    .then().statusCode(201).body("steps", hasSize(1)).body("version", equalTo(1));
        }
        String stepId = Api.as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200)
                .extract().path("steps[0].id");
        Api.as("vest-leader").body(Map.of("version", 1, "phase", "ANALYSIS"))
                .post("/api/v1/process-mappings/" + id + "/phase").then().statusCode(200);

        String proposalKey = key();
        Map<String, Object> proposal = Map.of("version", 2, "toGroup", "matvert", "supervisionLevel", "NONE",
                "legalBasis", "Helsepersonelloven §5");
        String path = "/api/v1/process-mappings/" + id + "/steps/" + stepId + "/proposal";
        String mapping = Api.as("vest-leader").header(KEY, proposalKey).body(proposal).post(path).then()
                .statusCode(201).extract().path("steps[0].sharingMappingId");
        Api.as("vest-leader").header(KEY, proposalKey).body(proposal).post(path).then().statusCode(201)
                .body("steps[0].sharingMappingId", equalTo(mapping));
        Api.as("vest-leader").get("/api/v1/sharing-mappings?taskCode=" + meals).then().statusCode(200)
                .body("total", equalTo(1));
        // Without the key, the repeat meets the version it has already moved past.
        Api.as("vest-leader").body(proposal).post(path).then().statusCode(409)
                .body("type", containsString("stale-version"));
    }
}
