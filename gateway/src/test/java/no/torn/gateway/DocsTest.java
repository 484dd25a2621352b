package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Documentation at the gateway, built from the stubs: competence and task serve OpenAPI, the others are down. */
@QuarkusTest
class DocsTest {

    @Test
    void openApiMergesTheReachableServices() {
        JsonPath doc = given().when().get("/openapi").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();

        Map<String, Object> paths = doc.getMap("paths");
        assertThat(paths).containsOnlyKeys("/api/v1/competence/employees", "/api/v1/tasks",
                "/api/v1/sharing-mappings");

        assertThat(doc.getList("paths.'/api/v1/competence/employees'.get.tags", String.class))
                .containsExactly("competence-service / Employees");
        assertThat(doc.getString("paths.'/api/v1/competence/employees'.get.'x-service'"))
                .isEqualTo("competence-service");
        assertThat(doc.getList("paths.'/api/v1/sharing-mappings'.post.tags", String.class))
                .containsExactly("task-service");
        List<String> tagNames = doc.getList("tags.name", String.class);
        assertThat(tagNames).contains("competence-service", "task-service", "competence-service / Employees",
                "task-service / Tasks");

        // one bearer scheme for everything, the services' own schemes gone
        assertThat(doc.getString("components.securitySchemes.bearer.scheme")).isEqualTo("bearer");
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("bearer");
        assertThat(doc.getList("security.bearer")).hasSize(1);
        assertThat(doc.getString("paths.'/api/v1/competence/employees'.get.security")).isNull();

        // both services call a different schema "Page": the second one is renamed and its references follow
        assertThat(doc.getMap("components.schemas")).containsKeys("Page", "TaskPage", "Employee");
        assertThat(doc.getString("components.schemas.Page.properties.items.type")).isEqualTo("array");
        assertThat(doc.getString("components.schemas.TaskPage.properties.total.type")).isEqualTo("integer");
        assertThat(doc.getString(
                "paths.'/api/v1/tasks'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/TaskPage");
        assertThat(doc.getString(
                "paths.'/api/v1/competence/employees'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Page");

        // the services that are down are named, not fatal
        assertThat(doc.getString("info.description")).contains("grants-service", "responsibility-service");
        assertThat(doc.getList("'x-torn-services'.findAll { it.status == 'UNAVAILABLE' }.name", String.class))
                .containsExactlyInAnyOrder("grants-service", "responsibility-service");
        assertThat(doc.getList("'x-torn-services'.findAll { it.status == 'UP' }.name", String.class))
                .containsExactlyInAnyOrder("competence-service", "task-service");
    }

    @Test
    void swaggerUiIsServedFromTheGatewayItself() {
        String html = given().when().get("/docs").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("url: \"/openapi\"").contains("/events/competence/asyncapi.yaml")
                .doesNotContain("https://");
        String bundle = html.replaceAll("(?s).*<script src=\"([^\"]*swagger-ui-bundle.js)\".*", "$1");
        given().when().get(bundle).then().statusCode(200);
        String css = html.replaceAll("(?s).*<link rel=\"stylesheet\" href=\"([^\"]*)\".*", "$1");
        given().when().get(css).then().statusCode(200);
    }

    @Test
    void eventCataloguesAreListedAndPassedThrough() {
        given().when().get("/events").then().statusCode(200)
                .body("services.service", org.hamcrest.Matchers.hasItems("competence-service", "task-service",
                        "responsibility-service", "grants-service"))
                .body("services.find { it.service == 'task-service' }.asyncapi",
                        equalTo("/events/task/asyncapi.yaml"));
        given().when().get("/events/competence/asyncapi.yaml").then().statusCode(200)
                .body(containsString("title: competence events"));
        given().when().get("/events/task/schemas/sharing-mapping-approved.v1.json").then().statusCode(200)
                .body("$id", equalTo("task/events/schemas/sharing-mapping-approved.v1.json"));
        given().when().get("/events/nosuch/asyncapi.yaml").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/events/grants/asyncapi.yaml").then().statusCode(503)
                .contentType("application/problem+json");
    }
}
