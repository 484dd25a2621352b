package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** With torn.gateway.public-base-url set, links name it, whatever the request said. */
@QuarkusTest
@TestProfile(PublicBaseUrlProfile.class)
class PublicBaseUrlTest {

    private static RequestSpecification vestHr() {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user("vest-hr")));
    }

    @Test
    void servicesReceiveTheConfiguredAddress() {
        Map<String, String> seen = vestHr().header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Prefix", "/phish")
                .when().get("/api/v1/competence/employees")
                .then().statusCode(200).extract().jsonPath().getMap("headers");
        assertThat(seen).containsEntry("x-forwarded-proto", "https")
                .containsEntry("x-forwarded-host", "api.torn.example.no")
                .containsEntry("x-forwarded-port", "443")
                .containsEntry("x-forwarded-prefix", "/edge")
                .containsEntry("x-forwarded-for", "127.0.0.1");
    }

    @Test
    void locationNamingAServiceIsRewrittenToTheConfiguredAddress() {
        String competence = ConfigProvider.getConfig().getValue("torn.upstream.competence.url", String.class);
        Response created = vestHr().contentType("application/json").body("{}")
                .header(StubUpstreams.LOCATION_HEADER, competence + "/api/v1/competence/employees/42")
                .when().post("/api/v1/competence/employees");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("Location"))
                .isEqualTo(PublicBaseUrlProfile.BASE + "/api/v1/competence/employees/42");
    }

    @Test
    void theApiDocumentNamesTheConfiguredServer() {
        given().when().get("/openapi").then().statusCode(200)
                .body("servers[0].url", equalTo(PublicBaseUrlProfile.BASE));
    }
}
