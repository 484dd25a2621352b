package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Open data is read without a token; it is served by grants-service (down in the test wiring: 503, not 401). */
@QuarkusTest
class OpenDataRouteTest {

    @Test
    void openDataIsReadWithoutATokenAndRateLimitedPerAddress() {
        given().get("/api/v1/open-data/awards").then().statusCode(503)
                .body("service", equalTo("grants-service"))
                .header("RateLimit-Limit", notNullValue());
        given().get("/api/v1/open-data/awards.csv").then().statusCode(503);
    }

    @Test
    void onlyReadsAreOpenAndOtherPathsStillNeedAToken() {
        given().contentType("application/json").body("{}").post("/api/v1/open-data/awards").then().statusCode(401);
        given().get("/api/v1/grants/awards").then().statusCode(401);
        given().get("/api/v1/open-datax").then().statusCode(401);
    }
}
