package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the services receive: no identity a client made up, the real forwarding data, the request id. */
@QuarkusTest
class HeadersTest {

    private static String vestHr() {
        return TestTokens.bearer(TestTokens.user("vest-hr"));
    }

    @Test
    void identityHeadersAreStripped() {
        Response response = given().header("Authorization", vestHr())
                .header("X-RHF", "helse-sor-ost")
                .header("X-HF", "ous")
                .header("X-Forwarded-User", "sorost-admin")
                .header("X-User-Id", "someone-else")
                .header("X-User-Roles", "national-admin")
                .header("X-Roles", "national-admin")
                .header("X-Auth-Request-User", "sorost-admin")
                .header("X-Remote-User", "sorost-admin")
                .header("Remote-User", "sorost-admin")
                .header("X-Forwarded-For", "10.9.9.9")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "for=10.9.9.9;by=evil")
                .header("X-Real-IP", "10.9.9.9")
                .header("X-Tenant", "helse-sor-ost")
                .header("X-Custom", "kept")
                .when().get("/api/v1/competence/employees");
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, String> seen = response.jsonPath().getMap("headers");
        assertThat(seen).doesNotContainKeys("x-rhf", "x-hf", "x-forwarded-user", "x-user-id", "x-user-roles",
                "x-roles", "x-auth-request-user", "x-remote-user", "remote-user", "forwarded", "x-real-ip",
                "x-tenant");
        assertThat(seen.get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(seen.get("x-forwarded-host")).doesNotContain("evil");
        assertThat(seen.get("x-custom")).isEqualTo("kept");
        assertThat(seen.get("authorization")).isEqualTo(vestHr());
    }

    @Test
    void requestIdIsPropagatedAndReturned() {
        Response response = given().header("Authorization", vestHr()).header("X-Request-Id", "abc-123.x")
                .when().get("/api/v1/tasks");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo("abc-123.x");
        // the service's own X-Request-Id does not replace the gateway's
        assertThat(response.header("X-Request-Id")).isEqualTo("abc-123.x");
    }

    @Test
    void requestIdIsGeneratedWhenMissingOrMalformed() {
        Response generated = given().header("Authorization", vestHr()).when().get("/api/v1/tasks");
        String id = generated.header("X-Request-Id");
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(generated.jsonPath().getString("headers.x-request-id")).isEqualTo(id);

        Response replaced = given().header("Authorization", vestHr())
                .header("X-Request-Id", "bad id with spaces and \" quotes")
                .when().get("/api/v1/tasks");
        assertThat(UUID.fromString(replaced.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void errorsCarryTheRequestIdToo() {
        given().header("X-Request-Id", "trace-401").when().get("/api/v1/tasks")
                .then().statusCode(401).header("X-Request-Id", "trace-401");
        given().header("X-Request-Id", "trace-404").header("Authorization", vestHr())
                .when().get("/api/v1/nothing")
                .then().statusCode(404).header("X-Request-Id", "trace-404");
    }
}
