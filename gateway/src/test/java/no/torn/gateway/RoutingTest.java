package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class RoutingTest {

    private static String vestHr() {
        return TestTokens.bearer(TestTokens.user("vest-hr"));
    }

    @ParameterizedTest
    @CsvSource({
            "/api/v1/competence/employees, competence",
            "/api/v1/competence/types/lege, competence",
            "/api/v1/tasks, task",
            "/api/v1/tasks/blodprove, task",
            "/api/v1/sharing-mappings/abc, task",
            "/api/v1/process-mappings, task",
            "/api/v1/coverage/report, task"})
    void routesEachRootToItsService(String path, String service) {
        given().header("Authorization", vestHr()).when().get(path)
                .then().statusCode(200)
                .body("service", equalTo(service))
                .body("path", equalTo(path))
                .body("method", equalTo("GET"));
    }

    @Test
    void forwardsQueryBodyAndToken() {
        String token = vestHr();
        given().header("Authorization", token).contentType(ContentType.JSON)
                .queryParam("page", 2).queryParam("size", 10)
                .body("{\"hf\":\"helse-bergen\",\"personnelGroup\":\"sykepleier\"}")
                .when().post("/api/v1/competence/employees")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("query", equalTo("page=2&size=10"))
                .body("body", equalTo("{\"hf\":\"helse-bergen\",\"personnelGroup\":\"sykepleier\"}"))
                .body("headers.authorization", equalTo(token))
                .body("headers.content-type", startsWith("application/json"));
    }

    /** JDK clients speak HTTP/2 by default: the first request upgrades the connection (h2c), the next are streams. */
    @Test
    void forwardsABodySentOverHttp2() throws Exception {
        String token = vestHr();
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        client.send(HttpRequest.newBuilder(base.resolve("/api/v1/tasks")).header("Authorization", token).build(),
                HttpResponse.BodyHandlers.discarding());
        String body = "{\"hf\":\"helse-bergen\",\"personnelGroup\":\"sykepleier\"}";
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(base.resolve(
                            "/api/v1/competence/employees")).header("Authorization", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.version()).as("protocol").isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(response.statusCode()).as("answer %s", response.body()).isEqualTo(200);
            assertThat(response.body()).contains("\"method\":\"POST\"")
                    .contains("\"body\":" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
        }
    }

    @Test
    void forwardsPutPatchAndDelete() {
        given().header("Authorization", vestHr()).contentType(ContentType.JSON).body("{\"version\":1}")
                .when().put("/api/v1/tasks/blodprove").then().statusCode(200).body("method", equalTo("PUT"));
        given().header("Authorization", vestHr()).contentType("application/merge-patch+json").body("{\"a\":1}")
                .when().patch("/api/v1/tasks/blodprove").then().statusCode(200).body("method", equalTo("PATCH"));
        given().header("Authorization", vestHr())
                .when().delete("/api/v1/tasks/blodprove").then().statusCode(200).body("method", equalTo("DELETE"));
    }

    @ParameterizedTest
    @CsvSource({"/api/v1/unknown", "/api/v2/tasks", "/api/v1", "/api/other/thing", "/api/v1/competencex/a"})
    void unknownApiPathIs404Problem(String path) {
        given().header("Authorization", vestHr()).when().get(path)
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://torn.no/problems/not-found"))
                .body("status", equalTo(404));
    }

    @Test
    void dotSegmentsCannotEscapeARoot() {
        // normalised before routing: this is a grants path, and that is where it would go (grants is down here)
        given().header("Authorization", vestHr()).when().get("/api/v1/competence/../nothing/x")
                .then().statusCode(404);
    }

    @Test
    void metricsAreKeptPerRootNotPerRecord() {
        given().header("Authorization", vestHr()).when().get("/api/v1/tasks/fjerning-av-sting-4711")
                .then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics)
                .contains("http_server_requests_seconds_count")
                .doesNotContain("fjerning-av-sting-4711");
    }
}
