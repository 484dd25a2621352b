package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links name the address the client called: the services get it in X-Forwarded-* headers that only the gateway sets,
 * and a Location that still names a service's internal address is rewritten on the way back.
 */
@QuarkusTest
class PublicUrlTest {

    private static RequestSpecification vestHr() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")));
    }

    private static String internal(String service) {
        return ConfigProvider.getConfig().getValue("torn.upstream." + service + ".url", String.class);
    }

    private static String gateway() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void servicesReceiveTheAddressTheClientCalled() {
        Map<String, String> seen = vestHr().when().get("/api/v1/competence/employees")
                .then().statusCode(200).extract().jsonPath().getMap("headers");
        assertThat(seen).containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-host", "localhost:" + RestAssured.port)
                .containsEntry("x-forwarded-port", String.valueOf(RestAssured.port))
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .doesNotContainKey("x-forwarded-prefix")
                .doesNotContainKey("forwarded");
    }

    @Test
    void forwardingHeadersAClientSendsAreReplaced() {
        Map<String, String> seen = vestHr()
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Port", "8443")
                .header("X-Forwarded-Prefix", "/phish")
                .header("X-Forwarded-For", "10.9.9.9")
                .header("X-Forwarded-Server", "evil.example")
                .header("Forwarded", "for=10.9.9.9;host=evil.example;proto=https")
                .when().get("/api/v1/tasks")
                .then().statusCode(200).extract().jsonPath().getMap("headers");
        assertThat(seen).containsEntry("x-forwarded-host", "localhost:" + RestAssured.port)
                .containsEntry("x-forwarded-proto", "http")
                .containsEntry("x-forwarded-port", String.valueOf(RestAssured.port))
                .containsEntry("x-forwarded-for", "127.0.0.1")
                .doesNotContainKeys("x-forwarded-prefix", "x-forwarded-server", "forwarded");
    }

    @Test
    void theHostHeaderTheClientUsedIsPassedOn() {
        Map<String, String> seen = vestHr().header("Host", "gateway.example:" + RestAssured.port)
                .when().get("/api/v1/tasks").then().statusCode(200).extract().jsonPath().getMap("headers");
        assertThat(seen).containsEntry("x-forwarded-host", "gateway.example:" + RestAssured.port)
                .containsEntry("x-forwarded-port", String.valueOf(RestAssured.port));
        // the service itself is called on its own address
        assertThat(seen.get("host")).isEqualTo(internal("task").substring("http://".length()));
    }

    @Test
    void locationNamingAServiceIsRewrittenToTheGateway() {
        String employee = internal("competence") + "/api/v1/competence/employees/42";
        Response created = vestHr().contentType("application/json").body("{}")
                .header(StubUpstreams.LOCATION_HEADER, employee + "?a=1")
                .header(StubUpstreams.CONTENT_LOCATION_HEADER, employee)
                .when().post("/api/v1/competence/employees");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(gateway() + "/api/v1/competence/employees/42?a=1");
        assertThat(created.header("Content-Location")).isEqualTo(gateway() + "/api/v1/competence/employees/42");

        // any service's internal address counts
        Response other = vestHr().contentType("application/json").body("{}")
                .header(StubUpstreams.LOCATION_HEADER, internal("task") + "/api/v1/tasks/PVK")
                .when().post("/api/v1/competence/employees");
        assertThat(other.header("Location")).isEqualTo(gateway() + "/api/v1/tasks/PVK");
    }

    @Test
    void otherLinksAreLeftAlone() {
        for (String link : new String[] {"/api/v1/tasks/PVK", "https://elsewhere.example/api/v1/tasks/PVK",
                "http://127.0.0.1:1/api/v1/tasks/PVK", gateway() + "/api/v1/tasks/PVK"}) {
            Response created = vestHr().contentType("application/json").body("{}")
                    .header(StubUpstreams.LOCATION_HEADER, link)
                    .when().post("/api/v1/tasks");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(created.header("Location")).isEqualTo(link);
        }
    }
}
