package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The audit trail at {@code /api/v1/tasks/audit}: catalogue changes and mapping decisions with who made them (id,
 * display name, role at the time) and the state before and after, visible to the RHF's auditors only.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String AUDIT = "/api/v1/tasks/audit";

    private static String entries(String type, String id) {
        return AUDIT + "?entityType=" + type + "&entityId=" + id;
    }

    @Test
    void aCatalogueChangeIsAuditedWithTheActorsNameAndRole() {
        String code = uniqueCode("AUDITED");
        Api.as("vest-admin").body(task(code, false, "LOGISTICS", "LOW", false, true, List.of())).post("/api/v1/tasks")
                .then().statusCode(201);
        Map<String, Object> update = new HashMap<>(Map.of("version", 0, "title", "Pasienttransport",
                "category", "LOGISTICS", "riskLevel", "MEDIUM", "requiresHealthProfessional", false,
                "allowsUntrainedStaff", true, "requiredCompetences", List.of()));
        Api.as("vest-admin").body(update).put("/api/v1/tasks/" + code).then().statusCode(200);

        Api.as("vest-auditor").get(entries("TASK", code)).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", equalTo(List.of("REGISTERED", "UPDATED")))
                .body("items[0].rhf", equalTo("helse-vest"))
                .body("items[0].before", nullValue())
                .body("items[0].after.riskLevel", equalTo("LOW"))
                .body("items[1].actor.id", notNullValue())
                .body("items[1].actor.name", equalTo("Admin Vest"))
                .body("items[1].actor.role", equalTo("rhf-admin"))
                .body("items[1].before.riskLevel", equalTo("LOW"))
                .body("items[1].after.riskLevel", equalTo("MEDIUM"))
                .body("items[1].after.title", equalTo("Pasienttransport"))
                .body("items[1].at", notNullValue());
        Api.as("sorost-auditor").get(entries("TASK", code)).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aMappingApprovalAndRetirementAreAudited() {
        String task = nationalTask("AUDIT-MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        String id = createMapping("vest-leader", task, "sykepleier", "matvert", "NONE", List.of()).statusCode(201)
                .extract().path("id");
        String mapping = "/api/v1/sharing-mappings/" + id;
        Api.as("vest-leader").body(Map.of("version", 0)).post(mapping + "/propose").then().statusCode(200);
        Api.as("vest-admin").body(Map.of("version", 1)).post(mapping + "/approve").then().statusCode(200);
        Api.as("vest-admin").body(Map.of("version", 2)).post(mapping + "/retire").then().statusCode(200);

        Api.as("vest-auditor").get(entries("SHARING_MAPPING", id)).then().statusCode(200)
                .body("items.action", equalTo(List.of("DRAFTED", "PROPOSED", "APPROVED", "RETIRED")))
                .body("items[1].actor.name", equalTo("Leder Vest"))
                .body("items[1].actor.role", equalTo("unit-leader"))
                .body("items[2].actor.name", equalTo("Admin Vest"))
                .body("items[2].actor.role", equalTo("rhf-admin"))
                .body("items[2].before.status", equalTo("PROPOSED"))
                .body("items[2].after.status", equalTo("APPROVED"))
                .body("items[2].after.toGroup", equalTo("matvert"))
                .body("items[3].after.status", equalTo("RETIRED"));
        Api.as("sorost-auditor").get(entries("SHARING_MAPPING", id)).then().statusCode(200)
                .body("total", equalTo(0));
        Api.as("sorost-national").get(entries("SHARING_MAPPING", id) + "&rhf=helse-vest").then().statusCode(200)
                .body("total", equalTo(4));
    }

    @Test
    void aProcessMappingsPhaseChangeIsAuditedWithItsHf() {
        String meals = nationalTask("AUDIT-PHASE", "SERVICE_MEALS", "LOW", false, true, List.of());
        String id = Api.as("vest-leader").body(Map.of("hf", "helse-bergen", "unit", "Audit", "name", "Måltider",
                        "unionRepresentativeInvolved", true, "participants", List.of("Sykepleiere")))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        Api.as("vest-leader").body(Map.of("version", 0, "taskCode", meals, "performerGroup", "sykepleier",
                        "occurrencesPerWeek", new BigDecimal("7"), "minutesPerOccurrence", 10))
                .post("/api/v1/process-mappings/" + id + "/steps").then().statusCode(201);
        Api.as("vest-leader").body(Map.of("version", 1, "phase", "ANALYSIS"))
                .post("/api/v1/process-mappings/" + id + "/phase").then().statusCode(200);

        Api.as("vest-auditor").get(entries("PROCESS_MAPPING", id) + "&size=10").then().statusCode(200)
                .body("items.action", equalTo(List.of("STARTED", "STEP_ADDED", "PHASE_CHANGED")))
                .body("items[2].hf", equalTo("helse-bergen"))
                .body("items[2].before.phase", equalTo("MAPPING"))
                .body("items[2].after.phase", equalTo("ANALYSIS"))
                .body("items[2].after.steps", hasSize(1));
    }

    @Test
    void anAuditorNamingAnotherRhfIsRefusedAndOtherRolesMayNotRead() {
        Api.as("vest-auditor").get(AUDIT + "?rhf=helse-sor-ost").then().statusCode(403);
        Api.as("vest-employee").get(AUDIT).then().statusCode(403);
        Api.as("vest-leader").get(AUDIT).then().statusCode(403);
        Api.anonymous().get(AUDIT).then().statusCode(401);
    }

    @Test
    void theAuditPathIsNotTakenForATaskCode() {
        Api.as("vest-auditor").get(AUDIT).then().statusCode(200)
                .body("page", equalTo(0)).body("items", notNullValue());
        String code = nationalTask("AUDIT", "LOGISTICS", "LOW", false, true, List.of());
        Api.as("vest-auditor").get("/api/v1/tasks/" + code).then().statusCode(200).body("code", equalTo(code));
        Api.as("vest-auditor").get("/api/v1/tasks/audit-not-a-code").then().statusCode(404);
    }
}
