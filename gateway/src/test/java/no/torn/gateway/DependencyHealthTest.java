package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DependencyHealthTest {

    @Test
    void wellnessReportsEachUpstreamAndKeycloak() {
        given().when().get("/q/health/well").then()
                .statusCode(503) // two of the stub services are down or too slow
                .body("checks.find { it.name == 'upstream-competence' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream-task' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstream-responsibility' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstream-grants' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'keycloak' }.status", equalTo("UP"));
    }

    @Test
    void anUpstreamOutageLeavesTheGatewayReady() {
        // Two services are down, yet the gateway serves the routes of the other two: it stays in rotation.
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks", empty());
    }
}
