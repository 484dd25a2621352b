package no.torn.task;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged application under the requests it serves most: tasks and sharing mappings written and read back,
 * sharing decisions, the catalogue searched, and the platform endpoints. With quarkus.package.jar.aot.enabled this
 * run is also the training run whose classes and profiles go into target/quarkus-app/app.aot.
 */
@QuarkusIntegrationTest
class TrainingWorkloadIT {

    private static final int ROUNDS = 5;

    @Test
    void servesTheEverydayWorkload() {
        for (int round = 0; round < ROUNDS; round++) {
            String task = nationalTask("CLEAN", "CLEANING", "LOW", false, true, List.of());
            as("sorost-employee").get("/api/v1/tasks/" + task).then().statusCode(200)
                    .body("code", equalTo(task));
            as("vest-auditor").get("/api/v1/tasks?scope=NATIONAL&size=200&q=" + task.toLowerCase()).then()
                    .statusCode(200).body("total", equalTo(1));
            String id = createMapping("vest-leader", task, "helsefagarbeider", "renholder", "NONE", List.of())
                    .statusCode(201).extract().path("id");
            as("vest-leader").body(Map.of("version", 0, "taskCode", task, "fromGroup", "sykepleier",
                            "toGroup", "renholder", "supervisionLevel", "AVAILABLE", "legalBasis", "Hpl §5",
                            "extraRequiredCompetences", List.of()))
                    .put("/api/v1/sharing-mappings/" + id).then().statusCode(200).body("version", equalTo(1));
            as("vest-employee").get("/api/v1/sharing-mappings/" + id).then().statusCode(200)
                    .body("fromGroup", equalTo("sykepleier"));
            as("vest-admin").get("/api/v1/sharing-mappings?taskCode=" + task).then().statusCode(200)
                    .body("total", equalTo(1));
            as("vest-leader").get("/api/v1/tasks/" + task + "/sharing-decision?group=portor").then()
                    .statusCode(200).body("rhf", equalTo("helse-vest"));
            as("vest-employee").get("/api/v1/tasks?scope=RHF&size=200").then().statusCode(200);
            as("vest-employee").get("/api/v1/tasks/personnel-groups").then().statusCode(200);
            // A foreign mapping answers 404; bad input is a 400; no token is a 401.
            as("sorost-admin").get("/api/v1/sharing-mappings/" + id).then().statusCode(404);
            as("vest-admin").get("/api/v1/sharing-mappings/not-a-uuid").then().statusCode(400);
            as("vest-employee").get("/api/v1/tasks?size=500").then().statusCode(400);
            given().get("/api/v1/tasks").then().statusCode(401);
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/openapi").then().statusCode(200);
        }
    }
}
