package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Services with two instances each, the first of which fails: nothing listens (responsibility), or it takes the
 * request and drops the connection (competence, task, grants). The probes are slowed down so that only requests
 * take instances out of rotation here.
 */
@QuarkusTest
@TestProfile(InstancesTest.TwoInstances.class)
class InstancesTest {

    /** The instances themselves are wired by {@link GatewayTestResources} for this profile. */
    public static class TwoInstances implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("torn.gateway.instance-probe-interval", "1h");
        }
    }

    private static RequestSpecification vestHr() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")));
    }

    @Test
    void aReadIsSentAgainToAnotherInstanceWhenTheFirstDropsIt() {
        vestHr().get("/api/v1/competence/employees").then().statusCode(200).body("method", equalTo("GET"));
        // The dropping instance left the rotation: the next reads go straight to the other.
        for (int i = 0; i < 3; i++) {
            vestHr().get("/api/v1/competence/employees").then().statusCode(200);
        }
    }

    @Test
    void aWriteThatReachedAnInstanceIsNotSentAgainWithoutAnIdempotencyKey() {
        vestHr().contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/tasks")
                .then().statusCode(503).contentType("application/problem+json")
                .body("service", equalTo("task-service"));
        // That instance is now out of rotation; the next write goes to the other one.
        vestHr().contentType("application/json").body("{\"name\":\"x\"}").post("/api/v1/tasks")
                .then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void aWriteWithAnIdempotencyKeyIsSentAgain() {
        vestHr().contentType("application/json").header("Idempotency-Key", "k-1").body("{\"hf\":\"helse-bergen\"}")
                .post("/api/v1/grants/applications").then().statusCode(200).body("method", equalTo("POST"))
                .body("body", equalTo("{\"hf\":\"helse-bergen\"}"));
    }

    @Test
    void anyRequestIsSentToAnotherInstanceWhenTheFirstRefusesTheConnection() {
        vestHr().contentType("application/json").body("{}").post("/api/v1/responsibility/clarifications")
                .then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void dependencyChecksNameEachInstance() {
        given().get("/q/health/well").then()
                .body("checks.find { it.name == 'upstream-responsibility' }.status", equalTo("UP"));
    }
}
