package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.TestTokens;

/** Requests as a client of the platform makes them: only through the gateway, with real tokens. */
final class Gateway {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig
            .httpClientConfig().setParam("http.socket.timeout", 30_000).setParam("http.connection.timeout", 5_000));

    private Gateway() {
    }

    static RequestSpecification as(String user) {
        return anonymous().header("Authorization", TestTokens.bearer(TestTokens.user(user)));
    }

    static RequestSpecification asHrIntegration(String rhf) {
        return anonymous().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration(rhf)));
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().config(CONFIG).baseUri(Platform.get().gatewayUrl()).urlEncodingEnabled(false);
    }

    /** A JSON object from alternating keys and values, in order. */
    static java.util.Map<String, Object> json(Object... keysAndValues) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A JSON request of a demo user. */
    static RequestSpecification jsonAs(String user) {
        return as(user).contentType("application/json");
    }

    static JsonNode openApi() {
        try {
            return JSON.readTree(anonymous().accept("application/json").get("/openapi").then().statusCode(200)
                    .extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
