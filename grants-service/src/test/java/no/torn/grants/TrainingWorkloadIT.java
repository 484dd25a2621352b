package no.torn.grants;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged application under the requests it serves most: rounds split and allocated, applications submitted,
 * reviewed and read back, the open data, and the platform endpoints. With quarkus.package.jar.aot.enabled this run is
 * also the training run whose classes and profiles go into target/quarkus-app/app.aot.
 */
@QuarkusIntegrationTest
class TrainingWorkloadIT {

    private static final int ROUNDS = 5;

    @Test
    void servesTheEverydayWorkload() {
        for (int n = 0; n < ROUNDS; n++) {
            String round = Fixtures.allocatedRound(2025);
            as("vest-national").get("/api/v1/grants/rounds/" + round).then().statusCode(200)
                    .body("status", equalTo("OPEN"));
            as("vest-employee").get("/api/v1/grants/allocations?roundId=" + round).then().statusCode(200)
                    .body("total", equalTo(1));
            as("vest-hr").body(json("rhfPot", 5_000_000, "rhfActivitiesPercent", 10, "evaluationReserve", 200_001,
                            "minimumAmount", 300_000, "participants", Fixtures.VEST_HFS))
                    .post("/api/v1/grants/allocations/what-if").then().statusCode(200);
            String application = Fixtures.submit("vest-admin", round, "helse-bergen", 400_000);
            as("vest-admin").body(json("score", 4, "comment", "Godt forankret"))
                    .post("/api/v1/grants/applications/" + application + "/reviews").then().statusCode(201);
            as("vest-admin").get("/api/v1/grants/applications/" + application).then().statusCode(200)
                    .body("hf", equalTo("helse-bergen"));
            as("vest-admin").get("/api/v1/grants/applications?roundId=" + round).then().statusCode(200)
                    .body("total", equalTo(1));
            given().get("/api/v1/open-data/awards").then().statusCode(200);
            as("vest-employee").get("/api/v1/experience/reports").then().statusCode(200);
            // A foreign application answers 404; bad input is a 400; no token is a 401.
            as("sorost-admin").get("/api/v1/grants/applications/" + application).then().statusCode(404);
            as("vest-admin").get("/api/v1/grants/applications/not-a-uuid").then().statusCode(400);
            given().get("/api/v1/grants/rounds").then().statusCode(401);
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/openapi").then().statusCode(200);
        }
    }
}
