package no.torn.platform.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The operational endpoints every service serves, checked against its real database, broker and identity provider.
 * A service's test extends this and names its OpenAPI title.
 */
public abstract class ServiceEndpointsContract {

    /** The service's OpenAPI {@code info.title}. */
    protected abstract String openApiTitle();

    @Test
    void readyWhenDatabaseAndBrokerAreUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void servesOpenApiAndMetrics() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).body("info.title", equalTo(openApiTitle()));
        given().when().get("/q/metrics")
                .then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void apiRequiresABearerToken() {
        given().when().get("/api/v1/anything")
                .then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").when().get("/api/v1/anything")
                .then().statusCode(401);
    }
}
