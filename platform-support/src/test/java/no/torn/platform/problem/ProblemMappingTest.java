package no.torn.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ProblemMappingTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void validationErrorsNameEachField() {
        given().contentType("application/json").body("{\"name\":\"\",\"kind\":\"FORMAL\",\"items\":[{\"code\":\"\"}]}")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("type", equalTo("https://torn.no/problems/validation-error"))
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("items[0].code"));
    }

    @Test
    void unknownEnumAndWrongTypesAreFieldErrors() {
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"MAGIC\"}")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("kind"))
                .body("violations[0].message", containsString("FORMAL"));
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"REAL\",\"acquiredOn\":\"yesterday\"}")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("acquiredOn"));
    }

    @Test
    void malformedJsonAndMissingBodyAre400() {
        given().contentType("application/json").body("{\"name\": ")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM);
        given().contentType("application/json")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void wrongContentTypeAndMethodAreClientErrors() {
        given().contentType("text/plain").body("hello")
                .when().post("/api/v1/probe")
                .then().statusCode(415).contentType(PROBLEM);
        given().when().delete("/api/v1/probe")
                .then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void notFoundRuleAndBadPathParameter() {
        given().when().get("/api/v1/probe/6f1d1d7e-8e3a-4c1b-9d7e-1c2b3a4d5e6f")
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo("Resource not found"));
        given().when().get("/api/v1/probe/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/probe/rule")
                .then().statusCode(422).contentType(PROBLEM)
                .body("detail", equalTo("a high-risk task needs supervision"));
    }

    @Test
    void badQueryParametersAre400NamingTheParameter() {
        String id = "/api/v1/probe/6f1d1d7e-8e3a-4c1b-9d7e-1c2b3a4d5e6f";
        given().queryParam("on", "yesterday").when().get(id)
                .then().statusCode(400).contentType(PROBLEM);
        given().queryParam("size", "0").when().get(id)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("size"));
        given().queryParam("page", "-1").when().get(id)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("page"));
    }

    @Test
    void uniqueViolationIsAConflict() {
        given().contentType("application/json").when().post("/api/v1/probe/duplicate")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void unexpectedErrorsHideInternals() {
        given().when().get("/api/v1/probe/boom")
                .then().statusCode(500).contentType(PROBLEM)
                .body("detail", containsString("error id"))
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("at no.torn")));
    }

    @Test
    void unknownPropertiesAreRefusedNamingTheProperty() {
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"REAL\",\"colour\":\"red\"}")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("colour"))
                .body("violations[0].message", containsString("not a known property"));
        given().contentType("application/json")
                .body("{\"name\":\"x\",\"kind\":\"REAL\",\"items\":[{\"code\":\"A\",\"extra\":1}]}")
                .when().post("/api/v1/probe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("items[0].extra"));
    }

    @Test
    void datesAreOnlyIsoStrings() {
        for (String value : new String[]{"12345", "1.5", "true", "[2026,1,5]", "{\"year\":2026}"}) {
            given().contentType("application/json")
                    .body("{\"name\":\"x\",\"kind\":\"REAL\",\"acquiredOn\":" + value + "}")
                    .when().post("/api/v1/probe")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("acquiredOn"))
                    .body("violations[0].message", containsString("ISO-8601"));
        }
        given().contentType("application/json").body("{\"name\":\"x\",\"kind\":\"REAL\",\"acquiredOn\":\"2026-01-05\"}")
                .when().post("/api/v1/probe")
                .then().statusCode(200).body("acquiredOn", equalTo("2026-01-05"));
    }

    @Test
    void controlCharactersInPathOrQueryAre400() {
        given().urlEncodingEnabled(false).when().get("/api/v1/probe/%00")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("path"));
        given().urlEncodingEnabled(false).when().get("/api/v1/probe/a%0Ab")
                .then().statusCode(400).contentType(PROBLEM);
        given().urlEncodingEnabled(false)
                .when().get("/api/v1/probe/6f1d1d7e-8e3a-4c1b-9d7e-1c2b3a4d5e6f?on=2026-01-01%7F")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("on"));
    }

    @Test
    void aPresentButBlankIdempotencyKeyIs400() {
        for (String blank : new String[]{"", "   "}) {
            given().contentType("application/json").header("Idempotency-Key", blank)
                    .body("{\"name\":\"x\",\"kind\":\"REAL\"}")
                    .when().post("/api/v1/probe")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("Idempotency-Key"));
        }
        given().contentType("application/json").header("Idempotency-Key", "k-1")
                .body("{\"name\":\"x\",\"kind\":\"REAL\"}")
                .when().post("/api/v1/probe")
                .then().statusCode(200);
    }
}
