package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two users of the shared client torn-cli: each has a bucket of 3 requests, and torn-cli as a whole a ceiling of 5
 * (both refilled so slowly that the test sees no refill).
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
class RateLimitTest {

    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "torn.gateway.rate-limit.caller.burst", "3",
                    "torn.gateway.rate-limit.caller.requests-per-second", "0.001",
                    "torn.gateway.rate-limit.client.torn-cli.burst", "5",
                    "torn.gateway.rate-limit.client.torn-cli.requests-per-second", "0.001");
        }
    }

    private static Response get(String user) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user))).when().get("/api/v1/tasks");
    }

    @Test
    void eachCallerHasItsOwnBucketWithinTheClientsCeiling() {
        // The first user spends her 3 requests; the headers count down.
        for (int remaining = 2; remaining >= 0; remaining--) {
            Response ok = get("vest-hr");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
            assertThat(Long.parseLong(ok.header("RateLimit-Reset"))).isPositive();
        }
        Response refused = get("vest-hr");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://torn.no/problems/too-many-requests"))
                .body("detail", containsString("your request rate"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

        // Another user of the same client is not affected by her: his own bucket is full ...
        Response other = get("vest-admin");
        assertThat(other.statusCode()).isEqualTo(200);
        // ... but the client's ceiling (5 for all its callers) now has one request left, and the headers say so.
        assertThat(other.header("RateLimit-Limit")).isEqualTo("5");
        assertThat(other.header("RateLimit-Remaining")).isEqualTo("1");
        assertThat(get("vest-admin").statusCode()).isEqualTo(200);
        get("vest-admin").then().statusCode(429)
                .body("detail", containsString("Client torn-cli exceeded the request rate of all its callers"));

        // A caller of another client has its own ceiling.
        given().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration("helse-vest")))
                .when().get("/api/v1/tasks").then().statusCode(200);
    }
}
