package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A status change the status's life cycle does not declare is a 409 conflict naming both states. */
@QuarkusTest
class TransitionGuardTest {

    @Test
    void approvingARetiredMappingIs409() {
        String task = nationalTask("GUARD", "SERVICE_MEALS", "LOW", false, true, List.of());
        String id = createMapping("vest-admin", task, "sykepleier", "matvert", "NONE", List.of()).statusCode(201)
                .extract().path("id");
        Api.as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + id + "/retire")
                .then().statusCode(200);
        Api.as("vest-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/approve")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("cannot move from RETIRED to APPROVED"));
        Api.as("vest-auditor").get("/api/v1/sharing-mappings/" + id).then().statusCode(200)
                .body("status", equalTo("RETIRED")).body("version", equalTo(1));
    }

    @Test
    void retiringARetiredTaskIs409() {
        String code = nationalTask("GUARD-TASK", "LOGISTICS", "LOW", false, true, List.of());
        Api.as("vest-national").body(Map.of("version", 0)).post("/api/v1/tasks/" + code + "/retire")
                .then().statusCode(200);
        Api.as("vest-national").body(Map.of("version", 1)).post("/api/v1/tasks/" + code + "/retire")
                .then().statusCode(409).body("detail", containsString("cannot move from RETIRED to RETIRED"));
    }
}
