package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Whatever the path, an answer the gateway has no route for is a problem, never an HTML page of the HTTP layer. */
@QuarkusTest
class UnknownPathsTest {

    private static final String PROBLEM = "application/problem+json";

    @ParameterizedTest
    @ValueSource(strings = {"/nothing-here", "/favicon.ico", "/", "/docs/more", "/openapi/x", "/events/task",
            "/q/nothing", "/webjars/nothing.js", "/API/v1/tasks"})
    void unknownPathOutsideTheApiIs404Problem(String path) {
        given().when().get(path)
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/not-found"))
                .body("title", equalTo("Resource not found"))
                .body("status", equalTo(404))
                .body("detail", containsString(path));
    }

    @Test
    void otherMethodsOnUnknownPathsAre404ProblemsToo() {
        given().contentType("application/json").body("{}").when().post("/nothing-here")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
        given().when().delete("/nothing-here").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethodOnAGatewayPageIs405Problem() {
        given().contentType("application/json").body("{}").when().post("/openapi")
                .then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/method-not-allowed"))
                .body("detail", containsString("POST"))
                .header("Allow", "GET, HEAD");
        given().when().delete("/events/task/asyncapi.yaml").then().statusCode(405).contentType(PROBLEM);
        given().when().head("/docs").then().statusCode(200);
    }

    @Test
    void theGatewaysOwnPagesStillAnswer() {
        given().when().get("/docs").then().statusCode(200).contentType(containsString("text/html"));
        given().when().get("/openapi").then().statusCode(200).contentType(containsString("application/json"));
        given().when().get("/events").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // DOWN here (grants is not running), but answered
        given().when().get("/q/health").then().statusCode(503).body("status", equalTo("DOWN"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
