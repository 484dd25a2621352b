package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Per-RHF access at the gateway: a foreign RHF or HF named anywhere is refused before any service sees it. */
@QuarkusTest
class TenantAccessTest {

    private static final String PROBLEM = "application/problem+json";

    private static String token(String user) {
        return TestTokens.bearer(TestTokens.user(user));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/grants/rounds/2025/pots/helse-sor-ost",
            "/api/v1/competence/hospital-trusts/ous/employees",
            "/api/v1/tasks/variants/HELSE-NORD",
            "/api/v1/competence/employees/helse%2Dmidt"})
    void foreignRhfOrHfInPathIs403(String path) {
        given().header("Authorization", token("vest-hr")).urlEncodingEnabled(false).when().get(path)
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/forbidden"))
                .body("detail", containsString("helse-vest"));
    }

    @Test
    void ownRhfAndHfInPathPass() {
        given().header("Authorization", token("vest-hr"))
                .when().get("/api/v1/competence/hospital-trusts/helse-bergen/employees")
                .then().statusCode(200).body("service", equalTo("competence"));
        given().header("Authorization", token("sorost-hr"))
                .when().get("/api/v1/tasks/variants/helse-sor-ost")
                .then().statusCode(200).body("service", equalTo("task"));
    }

    @Test
    void foreignRhfOrHfInQueryIs403() {
        given().header("Authorization", token("vest-hr")).queryParam("rhf", "helse-sor-ost")
                .when().get("/api/v1/competence/employees").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("rhf=helse-sor-ost"));
        given().header("Authorization", token("vest-hr")).queryParam("hf", "ahus")
                .when().get("/api/v1/competence/employees").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", token("sorost-hr")).queryParam("hf", "ous,helse-bergen")
                .when().get("/api/v1/competence/employees").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", token("sorost-hr")).queryParam("RHF", "helse-vest")
                .when().get("/api/v1/tasks").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void ownRhfOrHfInQueryPasses() {
        given().header("Authorization", token("vest-hr"))
                .queryParam("rhf", "helse-vest").queryParam("hf", "helse-stavanger")
                .when().get("/api/v1/competence/employees")
                .then().statusCode(200).body("query", equalTo("rhf=helse-vest&hf=helse-stavanger"));
    }

    @Test
    void foreignRhfOrHfInBodyIs403() {
        given().header("Authorization", token("vest-hr")).contentType(ContentType.JSON)
                .body("{\"hf\":\"ous\",\"personnelGroup\":\"lege\"}")
                .when().post("/api/v1/competence/employees").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("hf=ous"));
        given().header("Authorization", token("sorost-hr")).contentType(ContentType.JSON)
                .body("{\"rhf\":\"helse-vest\",\"title\":\"x\"}")
                .when().put("/api/v1/tasks/blodprove").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", token("sorost-hr")).contentType(ContentType.JSON)
                .body("{\"rhf\":\"helse-nord\"}")
                .when().patch("/api/v1/sharing-mappings/1").then().statusCode(403).contentType(PROBLEM);
        // bulk bodies: every element counts
        given().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration("helse-vest")))
                .contentType(ContentType.JSON)
                .body("[{\"hf\":\"helse-bergen\"},{\"hf\":\"st-olavs\"}]")
                .when().post("/api/v1/competence/imports").then().statusCode(403).contentType(PROBLEM);
        // nested bodies: a foreign reference inside an object or a list is found where it is
        given().header("Authorization", token("vest-hr")).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"allocations\":[{\"hf\":\"helse-bergen\"},{\"hf\":\"ahus\"}]}")
                .when().post("/api/v1/grants/rounds").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("allocations[1].hf=ahus"));
        // a body sent with a GET is inspected as well
        given().header("Authorization", token("vest-hr")).contentType(ContentType.JSON)
                .body("{\"rhf\":\"helse-nord\"}")
                .when().get("/api/v1/tasks").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void ownHfInBodyPassesAndTheBodyArrivesUnchanged() {
        String body = "{\"hf\":\"helse-forde\",\"rhf\":\"helse-vest\",\"unit\":\"Kirurgi\"}";
        given().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration("helse-vest")))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/competence/imports")
                .then().statusCode(200).body("body", equalTo(body));
    }

    @Test
    void malformedOrAmbiguousJsonIsRefused() {
        given().header("Authorization", token("vest-hr")).contentType(ContentType.JSON).body("{\"hf\":")
                .when().post("/api/v1/competence/employees").then().statusCode(400).contentType(PROBLEM);
        // a duplicate key could be read differently by the service: refused
        given().header("Authorization", token("vest-hr")).contentType(ContentType.JSON)
                .body("{\"hf\":\"helse-bergen\",\"hf\":\"ous\"}")
                .when().post("/api/v1/competence/employees").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void nationalAdminMayNameAnyRhf() {
        given().header("Authorization", token("vest-national")).queryParam("rhf", "helse-sor-ost")
                .when().get("/api/v1/competence/employees").then().statusCode(200);
        given().header("Authorization", token("vest-national"))
                .when().get("/api/v1/tasks/variants/helse-nord").then().statusCode(200);
        given().header("Authorization", token("vest-national")).contentType(ContentType.JSON)
                .body("{\"rhf\":\"helse-midt\",\"hf\":\"st-olavs\"}")
                .when().post("/api/v1/tasks").then().statusCode(200).body("service", equalTo("task"));
    }

    @Test
    void hrIntegrationIsBoundToItsRhf() {
        String vest = TestTokens.bearer(TestTokens.hrIntegration("helse-vest"));
        given().header("Authorization", vest).queryParam("rhf", "helse-vest")
                .when().get("/api/v1/competence/employees").then().statusCode(200);
        given().header("Authorization", vest).queryParam("rhf", "helse-nord")
                .when().get("/api/v1/competence/employees").then().statusCode(403);
    }

    @Test
    void publishedExperienceMayBeReadAcrossRhfsButNotWritten() {
        given().header("Authorization", token("vest-hr")).queryParam("rhf", "helse-sor-ost")
                .when().get("/api/v1/experience/reports").then().statusCode(503); // grants is down in tests
        given().header("Authorization", token("vest-hr")).queryParam("rhf", "helse-nord")
                .when().get("/api/v1/experience").then().statusCode(503);
        given().header("Authorization", token("vest-hr")).contentType(ContentType.JSON)
                .body("{\"rhf\":\"helse-sor-ost\"}")
                .when().post("/api/v1/experience/reports").then().statusCode(403);
    }
}
