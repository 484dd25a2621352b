package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;

/**
 * Every endpoint against another RHF's records (404, never their data), a token without a TØRN role (403) and no
 * token (401).
 */
@QuarkusTest
class TenancyTest {

    @Test
    void everyEndpointHidesForeignRecordsAndRefusesMissingRolesAndTokens() {
        String local = uniqueCode("VEST-LOCAL");
        as("vest-admin").body(task(local, false, "LOGISTICS", "LOW", false, true, List.of())).post("/api/v1/tasks")
                .then().statusCode(201);
        String mapping = createMapping("vest-admin", local, "helsefagarbeider", "portor", "NONE", List.of())
                .statusCode(201).extract().path("id");
        String process = as("vest-admin").body(Map.of("hf", "helse-bergen", "unit", "Tenancy", "name", "Transport",
                        "unionRepresentativeInvolved", true, "participants", List.of("Portører")))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        String step = as("vest-admin").body(step(0, local)).post("/api/v1/process-mappings/" + process + "/steps")
                .then().statusCode(201).extract().path("steps[0].id");

        Map<String, Object> taskUpdate = Map.of("version", 0, "title", "x", "category", "LOGISTICS",
                "riskLevel", "LOW", "requiresHealthProfessional", false, "allowsUntrainedStaff", true,
                "requiredCompetences", List.of());
        Map<String, Object> mappingUpdate = Map.of("version", 0, "taskCode", local, "fromGroup", "helsefagarbeider",
                "toGroup", "portor", "supervisionLevel", "NONE", "legalBasis", "Hpl §5");
        Map<String, Object> version = Map.of("version", 0);
        Map<String, Object> processUpdate = Map.of("version", 1, "name", "x", "unionRepresentativeInvolved", true);
        Map<String, Object> proposal = Map.of("version", 1, "toGroup", "portor", "supervisionLevel", "NONE",
                "legalBasis", "Hpl §5");
        String tasks = "/api/v1/tasks/" + local;
        String mappings = "/api/v1/sharing-mappings/" + mapping;
        String processes = "/api/v1/process-mappings/" + process;

        // Another RHF: not found, whatever the operation.
        for (String user : List.of("sorost-admin", "sorost-leader")) {
            as(user).get(tasks).then().statusCode(404);
            as(user).get(mappings).then().statusCode(404);
            as(user).get(processes).then().statusCode(404);
            as(user).body(mappingUpdate).put(mappings).then().statusCode(404);
            as(user).body(version).post(mappings + "/propose").then().statusCode(404);
            as(user).body(processUpdate).put(processes).then().statusCode(404);
            as(user).body(step(1, local)).post(processes + "/steps").then().statusCode(404);
            as(user).body(step(1, local)).put(processes + "/steps/" + step).then().statusCode(404);
            as(user).delete(processes + "/steps/" + step + "?version=1").then().statusCode(404);
            as(user).body(proposal).post(processes + "/steps/" + step + "/proposal").then().statusCode(404);
            as(user).body(Map.of("version", 1, "phase", "ANALYSIS")).post(processes + "/phase").then().statusCode(404);
        }
        as("sorost-admin").body(taskUpdate).put(tasks).then().statusCode(404);
        as("sorost-admin").body(version).post(tasks + "/retire").then().statusCode(404);
        as("sorost-admin").body(version).post(mappings + "/approve").then().statusCode(404);
        as("sorost-admin").body(version).post(mappings + "/retire").then().statusCode(404);
        as("sorost-hr").get("/api/v1/tasks/" + local + "/eligible-staff?hf=ous&unit=x").then().statusCode(404);

        // No TØRN role, and no token.
        checkAll(() -> as("vest-norole"), 403, tasks, mappings, processes, step, local, taskUpdate, mappingUpdate,
                version, processUpdate, proposal);
        checkAll(() -> given().contentType("application/json"), 401, tasks, mappings, processes, step, local,
                taskUpdate, mappingUpdate, version, processUpdate, proposal);
        // The records are untouched.
        as("vest-auditor").get(mappings).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
    }

    private static void checkAll(java.util.function.Supplier<RequestSpecification> as, int status, String tasks,
                                 String mappings, String processes, String step, String local,
                                 Map<String, Object> taskUpdate, Map<String, Object> mappingUpdate,
                                 Map<String, Object> version, Map<String, Object> processUpdate,
                                 Map<String, Object> proposal) {
        as.get().get("/api/v1/tasks").then().statusCode(status);
        as.get().get(tasks).then().statusCode(status);
        as.get().body(task(uniqueCode("X"), false, "LOGISTICS", "LOW", false, true, List.of()))
                .post("/api/v1/tasks").then().statusCode(status);
        as.get().body(taskUpdate).put(tasks).then().statusCode(status);
        as.get().body(version).post(tasks + "/retire").then().statusCode(status);
        as.get().get(tasks + "/eligible-staff?hf=helse-bergen&unit=x").then().statusCode(status);
        as.get().get("/api/v1/coverage?hf=helse-bergen&unit=x").then().statusCode(status);
        as.get().get("/api/v1/sharing-mappings").then().statusCode(status);
        as.get().get(mappings).then().statusCode(status);
        as.get().body(mappingUpdate).post("/api/v1/sharing-mappings").then().statusCode(status);
        as.get().body(mappingUpdate).put(mappings).then().statusCode(status);
        for (String transition : List.of("/propose", "/approve", "/retire")) {
            as.get().body(version).post(mappings + transition).then().statusCode(status);
        }
        as.get().get("/api/v1/process-mappings").then().statusCode(status);
        as.get().get(processes).then().statusCode(status);
        as.get().body(Map.of("hf", "helse-bergen", "unit", "x", "name", "x", "unionRepresentativeInvolved", false))
                .post("/api/v1/process-mappings").then().statusCode(status);
        as.get().body(processUpdate).put(processes).then().statusCode(status);
        as.get().body(step(1, local)).post(processes + "/steps").then().statusCode(status);
        as.get().body(step(1, local)).put(processes + "/steps/" + step).then().statusCode(status);
        as.get().delete(processes + "/steps/" + step + "?version=1").then().statusCode(status);
        as.get().body(proposal).post(processes + "/steps/" + step + "/proposal").then().statusCode(status);
        as.get().body(Map.of("version", 1, "phase", "ANALYSIS")).post(processes + "/phase").then().statusCode(status);
    }

    private static Map<String, Object> step(long version, String taskCode) {
        return Map.of("version", version, "taskCode", taskCode, "performerGroup", "helsefagarbeider",
                "occurrencesPerWeek", new BigDecimal("5"), "minutesPerOccurrence", 10);
    }
}
