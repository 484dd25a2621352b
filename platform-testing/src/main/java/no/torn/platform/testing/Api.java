package no.torn.platform.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * One authenticated API client for tests: {@code Api.as("vest-hr").get("/api/v1/...")}. JSON in and out; the token
 * is a real Keycloak token of the demo user (or HR integration client).
 */
public final class Api {

    private Api() {
    }

    /** A request as the demo user {@code username}, e.g. {@code vest-leader}. */
    public static RequestSpecification as(String username) {
        return json().header("Authorization", TestTokens.bearer(TestTokens.user(username)));
    }

    /** A request as the HR integration client of {@code rhf}. */
    public static RequestSpecification asHrIntegration(String rhf) {
        return json().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration(rhf)));
    }

    /** A request without a token. */
    public static RequestSpecification anonymous() {
        return json();
    }

    private static RequestSpecification json() {
        return RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }
}
