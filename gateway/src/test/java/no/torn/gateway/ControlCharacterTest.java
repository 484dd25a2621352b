package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A control character in path or query is a 400 problem from the gateway; no service sees the request. */
@QuarkusTest
class ControlCharacterTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification vestHr() {
        return given().urlEncodingEnabled(false).header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/tasks/%00, path",
            "/api/v1/competence/types/%0A, path",
            "/api/v1/tasks/a%0db, path",
            "/api/v1/tasks/%7F, path",
            "/api/v1/tasks/%1f, path",
            "/api/v1/competence/employees?unit=Kirurgi%00, unit",
            "/api/v1/competence/employees?page=0&unit=a%0Ab, unit",
            "/api/v1/competence/employees?a%00b=1, query",
            "/api/v1/tasks?na%6De=x%09y, name",
            "/nothing-here/%00, path",
            "/docs?x=%00, x"})
    void controlCharacterIs400ProblemNamingWhere(String target, String where) {
        vestHr().when().get(target)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/validation-error"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo(where + ": must not contain control characters"))
                .body("violations[0].field", equalTo(where))
                .body("service", nullValue());
    }

    @Test
    void answeredBeforeTheTokenIsAskedFor() {
        given().urlEncodingEnabled(false).when().get("/api/v1/tasks/%00")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).contentType("application/json").body("{}")
                .when().post("/api/v1/tasks?code=%00").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void encodedPercentSpacesAndOtherTextPass() {
        // %2500 is the text "%00", not a NUL; space, tab-free text and non-ASCII letters are fine
        vestHr().when().get("/api/v1/tasks/%2500?q=a%2500b&unit=Sengepost+3&name=%C3%86rlig%20Ola")
                .then().statusCode(200)
                .body("path", equalTo("/api/v1/tasks/%2500"))
                .body("query", equalTo("q=a%2500b&unit=Sengepost+3&name=%C3%86rlig%20Ola"));
    }
}
