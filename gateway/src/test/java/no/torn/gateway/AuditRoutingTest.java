package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The services' audit endpoints through the gateway: each goes to its service, and an {@code rhf} (or {@code hf})
 * naming a foreign RHF is refused as for any other list. In these tests responsibility answers too slowly (504) and
 * grants not at all (503); both problems name the service the request was routed to.
 */
@QuarkusTest
class AuditRoutingTest {

    private static final String PROBLEM = "application/problem+json";

    private static String token(String user) {
        return TestTokens.bearer(TestTokens.user(user));
    }

    @Test
    void eachAuditEndpointGoesToItsService() {
        given().header("Authorization", token("vest-auditor")).queryParam("rhf", "helse-vest")
                .when().get("/api/v1/competence/audit")
                .then().statusCode(200).body("service", equalTo("competence"))
                .body("path", equalTo("/api/v1/competence/audit")).body("query", equalTo("rhf=helse-vest"));
        given().header("Authorization", token("vest-auditor")).queryParam("entityType", "Task")
                .when().get("/api/v1/tasks/audit")
                .then().statusCode(200).body("service", equalTo("task"))
                .body("path", equalTo("/api/v1/tasks/audit"));
        given().header("Authorization", token("vest-auditor"))
                .when().get("/api/v1/responsibility/audit")
                .then().statusCode(504).contentType(PROBLEM).body("service", equalTo("responsibility-service"));
        given().header("Authorization", token("vest-auditor"))
                .when().get("/api/v1/grants/audit")
                .then().statusCode(503).contentType(PROBLEM).body("service", equalTo("grants-service"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/competence/audit", "/api/v1/tasks/audit", "/api/v1/responsibility/audit",
            "/api/v1/grants/audit"})
    void foreignRhfOnAnAuditEndpointIs403(String path) {
        given().header("Authorization", token("vest-auditor")).queryParam("rhf", "helse-sor-ost")
                .when().get(path)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/forbidden"))
                .body("detail", containsString("rhf=helse-sor-ost"));
        given().header("Authorization", token("sorost-auditor")).queryParam("rhf", "HELSE-VEST")
                .when().get(path)
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", token("vest-admin")).queryParam("hf", "ahus")
                .when().get(path)
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("hf=ahus"));
    }

    @Test
    void nationalAdminMayNameAnyRhf() {
        given().header("Authorization", token("vest-national")).queryParam("rhf", "helse-sor-ost")
                .when().get("/api/v1/competence/audit")
                .then().statusCode(200).body("service", equalTo("competence"))
                .body("query", equalTo("rhf=helse-sor-ost"));
        given().header("Authorization", token("vest-national")).queryParam("rhf", "helse-nord")
                .when().get("/api/v1/tasks/audit")
                .then().statusCode(200).body("service", equalTo("task"));
    }
}
