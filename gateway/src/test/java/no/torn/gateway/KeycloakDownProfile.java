package no.torn.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The gateway started while Keycloak cannot be reached (see {@link GatewayTestResources}). */
public class KeycloakDownProfile implements QuarkusTestProfile {
}
