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

    /** One RHF-local task, sharing mapping, process mapping and step of helse-vest. */
    private record Seed(String local, String step, String tasks, String mappings, String processes) {
    }

    private static Seed seed;

    private static final Map<String, Object> TASK_UPDATE = Map.of("version", 0, "title", "x",
            "category", "LOGISTICS", "riskLevel", "LOW", "requiresHealthProfessional", false,
            "allowsUntrainedStaff", true, "requiredCompetences", List.of());
    private static final Map<String, Object> VERSION = Map.of("version", 0);
    private static final Map<String, Object> PROCESS_UPDATE = Map.of("version", 1, "name", "x",
            "unionRepresentativeInvolved", true);
    private static final Map<String, Object> PROPOSAL = Map.of("version", 1, "toGroup", "portor",
            "supervisionLevel", "NONE", "legalBasis", "Hpl §5");

    private static Map<String, Object> mappingUpdate(String local) {
        return Map.of("version", 0, "taskCode", local, "fromGroup", "helsefagarbeider", "toGroup", "portor",
                "supervisionLevel", "NONE", "legalBasis", "Hpl §5");
    }

    private static synchronized Seed seed() {
        if (seed == null) {
            seed = create();
        }
        return seed;
    }

    private static Seed create() {
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
        return new Seed(local, step, "/api/v1/tasks/" + local, "/api/v1/sharing-mappings/" + mapping,
                "/api/v1/process-mappings/" + process);
    }

    @Test
    void anotherRhfFindsNoneOfTheRecordsWhateverTheOperation() {
        Seed s = seed();
        String local = s.local();
        String step = s.step();
        String tasks = s.tasks();
        String mappings = s.mappings();
        String processes = s.processes();
        Map<String, Object> mappingUpdate = mappingUpdate(local);
        Map<String, Object> version = VERSION;
        Map<String, Object> processUpdate = PROCESS_UPDATE;
        Map<String, Object> proposal = PROPOSAL;
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
        as("sorost-admin").body(TASK_UPDATE).put(tasks).then().statusCode(404);
        as("sorost-admin").body(version).post(tasks + "/retire").then().statusCode(404);
        as("sorost-admin").body(version).post(mappings + "/approve").then().statusCode(404);
        as("sorost-admin").body(version).post(mappings + "/retire").then().statusCode(404);
        as("sorost-hr").get("/api/v1/tasks/" + local + "/eligible-staff?hf=ous&unit=x").then().statusCode(404);
        as("sorost-auditor").get("/api/v1/tasks/audit?entityId=" + local).then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        untouched(s);
    }

    @Test
    void aTokenWithoutATornRoleIsRefusedEverywhere() {
        Seed s = seed();
        checkAll(() -> as("vest-norole"), 403, s.tasks(), s.mappings(), s.processes(), s.step(), s.local(),
                TASK_UPDATE, mappingUpdate(s.local()), VERSION, PROCESS_UPDATE, PROPOSAL);
        untouched(s);
    }

    @Test
    void noTokenIsRefusedEverywhere() {
        Seed s = seed();
        checkAll(() -> given().contentType("application/json"), 401, s.tasks(), s.mappings(), s.processes(),
                s.step(), s.local(), TASK_UPDATE, mappingUpdate(s.local()), VERSION, PROCESS_UPDATE, PROPOSAL);
        untouched(s);
    }

    private static void untouched(Seed s) {
        as("vest-auditor").get(s.mappings()).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("DRAFT"));
        as("vest-auditor").get(s.tasks()).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.equalTo(0));
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
        as.get().get("/api/v1/tasks/audit").then().statusCode(status);
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
