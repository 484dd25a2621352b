package no.torn.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Real Keycloak for tests that need real tokens. Set {@code -Dtorn.test.keycloak-realm-url=...} to use a realm that
 * is already running (e.g. the one {@code deploy/local/up.sh} started) instead of starting one.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    private static volatile String realmUrl;
    private KeycloakServer server;

    public static String realmUrl() {
        if (realmUrl == null) {
            throw new IllegalStateException("KeycloakResource has not started");
        }
        return realmUrl;
    }

    @Override
    public Map<String, String> start() {
        String existing = System.getProperty("torn.test.keycloak-realm-url");
        if (existing != null && !existing.isBlank()) {
            realmUrl = existing;
        } else {
            server = new KeycloakServer(ProjectPaths.runDir("keycloak"));
            server.start();
            realmUrl = server.realmUrl();
        }
        return Map.of("quarkus.oidc.auth-server-url", realmUrl);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
