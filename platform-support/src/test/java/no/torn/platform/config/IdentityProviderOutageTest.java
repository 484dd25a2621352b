package no.torn.platform.config;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import no.torn.platform.testing.FreePort;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** With Keycloak unreachable, a bearer token gets a retryable 503 problem, not a 500. */
@QuarkusTest
@TestProfile(IdentityProviderOutageTest.UnreachableKeycloak.class)
class IdentityProviderOutageTest {

    public static class UnreachableKeycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "http://127.0.0.1:" + FreePort.find() + "/realms/torn",
                    "quarkus.oidc.connection-timeout", "2s",
                    "quarkus.http.auth.permission.api.policy", "authenticated");
        }
    }

    @Test
    void bearerTokenWhileIdentityProviderIsDownIs503() {
        given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln")
                .when().get("/api/v1/probe/rule")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503));
    }
}
