package no.torn.gateway.security;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class TokenReuseTest {

    @Inject
    VerifiedTokens tokens;

    @Test
    void aVerifiedTokenIsRememberedWithItsRoles() {
        String token = TestTokens.user("sorost-national");
        given().header("Authorization", "Bearer " + token).queryParam("rhf", "helse-nord")
                .when().get("/api/v1/tasks").then().statusCode(200);
        VerifiedTokens.Verified verified = tokens.find(token);
        assertThat(verified).isNotNull();
        assertThat(verified.caller().roles()).contains("national-admin");
        assertThat(verified.caller().rhf()).isEqualTo("helse-sor-ost");
        // served from the remembered identity: still a national admin, still its own rhf
        long reusedBefore = tokens.reuseCount();
        given().header("Authorization", "Bearer " + token).queryParam("rhf", "helse-nord")
                .when().get("/api/v1/tasks").then().statusCode(200).body("service", equalTo("task"));
        assertThat(tokens.reuseCount()).isGreaterThan(reusedBefore);
    }
}
