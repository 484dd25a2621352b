package no.torn.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test Keycloak for the demo users and HR-integration clients of
 * {@code deploy/keycloak/torn-realm.json}. Tokens are cached for the run (they live 15 minutes).
 */
public final class TestTokens {

    public static final String DEMO_PASSWORD = "torn-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REUSE_FOR = Duration.ofMinutes(10);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
        boolean fresh() {
            return System.nanoTime() - fetchedAt < REUSE_FOR.toNanos();
        }
    }

    private TestTokens() {
    }

    /** A password-grant token of the public {@code torn-cli} client for a demo user, e.g. {@code vest-hr}. */
    public static String user(String username) {
        return cached("user:" + username, passwordGrant("torn-cli", username));
    }

    /**
     * A new password-grant token, never cached, of another public client of the realm: {@code torn-cli-short-lived}
     * (tokens live 5 seconds) or {@code other-app} (tokens without the torn-api audience).
     */
    public static String freshUser(String clientId, String username) {
        return fetch(passwordGrant(clientId, username));
    }

    private static Map<String, String> passwordGrant(String clientId, String username) {
        return Map.of("grant_type", "password", "client_id", clientId, "username", username,
                "password", DEMO_PASSWORD);
    }

    /** A client-credentials token of an RHF's HR integration, e.g. {@code hr-integration-helse-vest}. */
    public static String client(String clientId, String secret) {
        return cached("client:" + clientId, Map.of(
                "grant_type", "client_credentials",
                "client_id", clientId,
                "client_secret", secret));
    }

    /** The HR integration client of an RHF, with the demo secret from the realm file. */
    public static String hrIntegration(String rhf) {
        return client("hr-integration-" + rhf, "hr-integration-" + rhf + "-secret");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String cached(String key, Map<String, String> form) {
        return CACHE.compute(key, (k, old) -> old != null && old.fresh() ? old
                : new Cached(fetch(form), System.nanoTime())).token();
    }

    private static String fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakResource.realmUrl()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Token request failed (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
