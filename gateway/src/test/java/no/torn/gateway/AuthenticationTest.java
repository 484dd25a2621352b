package no.torn.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
    void tokenForAnotherAudienceIs401() {
        // a genuine token of this realm, issued to another application: its aud does not name torn-api
        String token = TestTokens.freshUser("other-app", "vest-hr");
        assertThat(claims(token).path("aud").toString()).doesNotContain("torn-api");
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/competence/employees")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void expiredTokenIs401AlthoughItWasAcceptedBefore() throws Exception {
        String token = TestTokens.freshUser("torn-cli-short-lived", "vest-hr");
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/competence/employees")
                .then().statusCode(200);
        long exp = claims(token).path("exp").asLong();
        long waitMillis = (exp + 1) * 1000 - System.currentTimeMillis();
        if (waitMillis > 0) {
            Thread.sleep(waitMillis);
        }
        // the remembered verification ends with the token
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/competence/employees")
                .then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/unauthorized"));
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() throws Exception {
        // the real header (same kid) and claims, signed by a key that is not the realm's
        String[] parts = TestTokens.user("vest-hr").split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(generator.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(rs256.sign());
        given().header("Authorization", "Bearer " + forged).when().get("/api/v1/competence/employees")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void unsignedTokenIs401() {
        String[] parts = TestTokens.user("vest-hr").split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Bearer " + none + "." + parts[1] + ".")
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

    private static JsonNode claims(String token) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void validTokenReachesTheService() {
        given().header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(200).body("service", equalTo("competence"));
    }
}
