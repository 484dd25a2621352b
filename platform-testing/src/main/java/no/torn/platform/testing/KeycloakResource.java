package no.torn.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Real Keycloak for tests that need real tokens: the JVM's one realm ({@link KeycloakServer#sharedRealmUrl()}). Set
 * {@code -Dtorn.test.keycloak-realm-url=...} to use a realm that is already running instead of starting one.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static String realmUrl() {
        return KeycloakServer.sharedRealmUrl();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", realmUrl());
    }

    /** The realm outlives each application under test; it stops with the JVM. */
    @Override
    public void stop() {
    }
}
