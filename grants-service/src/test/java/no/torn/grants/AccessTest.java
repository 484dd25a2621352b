package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.platform.testing.Api.as;

/** Every endpoint needs a token (401) and a TØRN role (403), and refuses tokens without a known RHF (403). */
@QuarkusTest
class AccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/grants/rounds", "/api/v1/grants/allocations", "/api/v1/grants/applications",
            "/api/v1/grants/reports", "/api/v1/grants/awards",
            "/api/v1/experience/reports", "/api/v1/grants/audit"})
    void readsNeedATokenAndARole(String path) {
        given().get(path).then().statusCode(401);
        as("vest-norole").get(path).then().statusCode(403);
        as("no-rhf").get(path).then().statusCode(403);
        as("unknown-rhf").get(path).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/grants/rounds", "/api/v1/grants/allocations",
            "/api/v1/grants/allocations/what-if", "/api/v1/grants/applications", "/api/v1/grants/reports",
            "/api/v1/experience/reports"})
    void writesNeedATokenAndARole(String path) {
        given().contentType("application/json").body("{}").post(path).then().statusCode(401);
        as("vest-norole").body(Map.of()).post(path).then().statusCode(403);
        as("no-rhf").body(Map.of()).post(path).then().statusCode(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/grants/applications", "/api/v1/grants/reports"})
    void employeesDoNotReadApplicationsOrReports(String path) {
        as("vest-employee").get(path).then().statusCode(403);
        as("vest-employee").body(Map.of()).post(path).then().statusCode(403);
    }
}
