package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class AuthenticationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void noTokenIs401Problem() {
        given().when().get("/api/v1/competence/employees")
                .then().statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("type", equalTo("https://torn.no/problems/unauthorized"))
                .body("title", notNullValue())
                .body("status", equalTo(401))
                .body("detail", notNullValue());
    }

    @Test
    void garbageTokenIs401Problem() {
        given().header("Authorization", "Bearer not-a-jwt").when().get("/api/v1/competence/employees")
                .then().statusCode(401).contentType(PROBLEM).body("status", equalTo(401));
    }

    @Test
    void tamperedTokenIs401Problem() {
        String token = TestTokens.user("vest-hr");
        // the genuine token is verified (and remembered) first: a near-identical string must not ride on it
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/competence/employees")
                .then().statusCode(200);
        String[] parts = token.split("\\.");
        // flip the signature: a token with a valid shape whose signature does not verify
        char last = parts[2].charAt(parts[2].length() - 2);
        String signature = parts[2].substring(0, parts[2].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[2].charAt(parts[2].length() - 1);
        given().header("Authorization", "Bearer " + parts[0] + "." + parts[1] + "." + signature)
                .when().get("/api/v1/competence/employees")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void tokenWithoutRhfIs403() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("no-rhf")))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/forbidden"))
                .body("detail", containsString("rhf"));
    }

    @Test
    void tokenWithUnknownRhfIs403() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("unknown-rhf")))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void validTokenReachesTheService() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(200).body("service", equalTo("competence"));
    }
}
