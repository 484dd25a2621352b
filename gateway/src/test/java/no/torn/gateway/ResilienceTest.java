package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.torn.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * In the test wiring grants-service is down (nothing listens), responsibility-service answers after 3 s with a
 * 500 ms timeout, the body limit is 64 KiB, and hr-integration-helse-nord may send 3 requests.
 */
@QuarkusTest
class ResilienceTest {

    private static final String PROBLEM = "application/problem+json";

    private static String vestHr() {
        return TestTokens.bearer(TestTokens.user("vest-hr"));
    }

    @Test
    void serviceDownIs503ProblemNamingTheServiceAndOpensTheCircuit() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", vestHr()).when().get("/api/v1/grants/rounds")
                    .then().statusCode(503).contentType(PROBLEM)
                    .body("type", equalTo("https://torn.no/problems/service-unavailable"))
                    .body("status", equalTo(503))
                    .body("service", equalTo("grants-service"))
                    .body("detail", containsString("grants-service"));
        }
        given().header("Authorization", vestHr()).when().get("/api/v1/grants/rounds")
                .then().statusCode(503).contentType(PROBLEM)
                .header("Retry-After", notNullValue())
                .body("detail", containsString("circuit open"));
    }

    @Test
    void slowServiceIs504ProblemNamingTheService() {
        given().header("Authorization", vestHr()).when().get("/api/v1/responsibility/clarifications")
                .then().statusCode(504).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/gateway-timeout"))
                .body("status", equalTo(504))
                .body("service", equalTo("responsibility-service"))
                .body("detail", containsString("responsibility-service"));
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        byte[] big = new byte[70 * 1024];
        Arrays.fill(big, (byte) 'a');
        given().header("Authorization", vestHr()).contentType(ContentType.BINARY).body(big)
                .when().post("/api/v1/competence/imports")
                .then().statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/payload-too-large"))
                .body("status", equalTo(413));
    }

    @Test
    void chunkedBodyOverTheLimitIs413Problem() throws Exception {
        HttpResponse<String> response = sendChunked("POST", "/api/v1/competence/imports", 70 * 1024);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
        assertThat(response.body()).contains("payload-too-large");
    }

    @Test
    void chunkedBodyOnAGetIsLimitedToo() throws Exception {
        // a body on a method that normally has none is still read within the limit, never streamed on unchecked
        HttpResponse<String> response = sendChunked("GET", "/api/v1/competence/employees", 70 * 1024);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    }

    /** Sends a JSON body of blanks as an input stream of unknown length: chunked, without Content-Length. */
    private static HttpResponse<String> sendChunked(String method, String path, int size) throws Exception {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + io.restassured.RestAssured.port
                        + path))
                .header("Authorization", vestHr())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void overlongRequestTargetIs414Problem() {
        given().header("Authorization", vestHr()).queryParam("unit", "x".repeat(8000))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(414).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/uri-too-long"))
                .body("status", equalTo(414));
        // just under the limit still reaches the service
        given().header("Authorization", vestHr()).queryParam("unit", "x".repeat(3900))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(200).body("service", equalTo("competence"));
    }

    @Test
    void oversizedHeadersAre431Problem() {
        given().header("Authorization", vestHr()).header("X-Note", "x".repeat(30_000))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(431).contentType(PROBLEM)
                .body("type", equalTo("https://torn.no/problems/headers-too-large"))
                .body("status", equalTo(431));
        given().header("Authorization", vestHr()).header("X-Note", "x".repeat(4_000))
                .when().get("/api/v1/competence/employees")
                .then().statusCode(200).body("service", equalTo("competence"));
    }

    @Test
    void bodyUnderTheLimitPasses() {
        given().header("Authorization", vestHr()).contentType(ContentType.JSON)
                .body("{\"note\":\"" + "x".repeat(60 * 1024) + "\"}")
                .when().post("/api/v1/competence/imports")
                .then().statusCode(200).body("service", equalTo("competence"));
    }

    @Test
    void clientOverItsRateIs429WithRetryAfter() {
        String nord = TestTokens.bearer(TestTokens.hrIntegration("helse-nord"));
        int limited = 0;
        String retryAfter = null;
        for (int i = 0; i < 5; i++) {
            var response = given().header("Authorization", nord).when().get("/api/v1/tasks");
            if (response.statusCode() == 429) {
                limited++;
                retryAfter = response.header("Retry-After");
                response.then().contentType(PROBLEM)
                        .body("type", equalTo("https://torn.no/problems/too-many-requests"))
                        .body("status", equalTo(429));
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).isEqualTo(2);
        assertThat(Long.parseLong(retryAfter)).isPositive();
        // other clients have their own buckets
        given().header("Authorization", vestHr()).when().get("/api/v1/tasks").then().statusCode(200);
    }
}
