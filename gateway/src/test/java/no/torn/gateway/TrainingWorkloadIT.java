package no.torn.gateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.http.ContentType;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged gateway under the requests it serves most: token checks, reads and writes routed to the services
 * (stubs here), the aggregated API documents, refusals, and the platform endpoints. With
 * quarkus.package.jar.aot.enabled this run is also the training run whose classes and profiles go into
 * target/quarkus-app/app.aot.
 */
@QuarkusIntegrationTest
class TrainingWorkloadIT {

    private static final int ROUNDS = 5;

    @Test
    void servesTheEverydayWorkload() {
        String token = TestTokens.bearer(TestTokens.user("vest-hr"));
        for (int round = 0; round < ROUNDS; round++) {
            for (String path : new String[] {"/api/v1/competence/employees", "/api/v1/tasks",
                    "/api/v1/sharing-mappings/abc", "/api/v1/coverage/report"}) {
                given().header("Authorization", token).queryParam("page", 0).when().get(path)
                        .then().statusCode(200).body("path", equalTo(path)).body("method", equalTo("GET"));
            }
            given().header("Authorization", token).contentType(ContentType.JSON)
                    .body("{\"hf\":\"helse-bergen\",\"personnelGroup\":\"sykepleier\"}")
                    .when().post("/api/v1/competence/employees")
                    .then().statusCode(200).body("method", equalTo("POST"))
                    .body("headers.authorization", equalTo(token));
            given().header("Authorization", token).contentType(ContentType.JSON).body("{\"version\":1}")
                    .when().put("/api/v1/tasks/blodprove").then().statusCode(200).body("method", equalTo("PUT"));
            given().when().get("/openapi").then().statusCode(200);
            given().when().get("/docs").then().statusCode(200);
            // No token is a 401; an unknown root is a 404 problem.
            given().when().get("/api/v1/tasks").then().statusCode(401);
            given().header("Authorization", token).when().get("/api/v1/unknown").then().statusCode(404)
                    .contentType("application/problem+json");
            given().when().get("/q/health/live").then().statusCode(200);
        }
    }
}
