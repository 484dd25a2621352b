package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The identity provider cannot be reached: the gateway answers 503, never 500, and the dependency checks say why. */
@QuarkusTest
@TestProfile(KeycloakDownProfile.class)
class KeycloakDownTest {

    @Test
    void bearerRequestsAre503Problems() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://torn.no/problems/service-unavailable"))
                .body("status", equalTo(503));
    }

    @Test
    void anonymousRequestsStill401() {
        given().when().get("/api/v1/competence/employees").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void dependencyChecksReportKeycloakDown() {
        given().when().get("/q/health/well").then().statusCode(503)
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstream-competence' }.status", equalTo("UP"));
    }
}
