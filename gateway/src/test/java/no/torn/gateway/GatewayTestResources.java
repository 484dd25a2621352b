package no.torn.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import no.torn.platform.testing.FreePort;
import no.torn.platform.testing.KeycloakResource;

import java.util.HashMap;
import java.util.Map;

/**
 * Real Keycloak plus stub services for every gateway test. Both are started once per test JVM and shared by all
 * test profiles (a profile restart must not start a second Keycloak); a profile that simulates an unreachable
 * identity provider gets a dead issuer URL instead.
 */
public class GatewayTestResources implements QuarkusTestResourceLifecycleManager {

    private static final String REALM_PROPERTY = "torn.test.keycloak-realm-url";
    private static final String STUBS_PROPERTY = "torn.test.gateway-stub-ports";

    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    @Override
    public synchronized Map<String, String> start() {
        boolean ownKeycloak = System.getProperty(REALM_PROPERTY) == null;
        KeycloakResource keycloak = new KeycloakResource();
        keycloak.start(); // reuses the running realm when the property is set
        if (ownKeycloak) {
            System.setProperty(REALM_PROPERTY, KeycloakResource.realmUrl());
            Runtime.getRuntime().addShutdownHook(new Thread(keycloak::stop));
        }
        String ports = System.getProperty(STUBS_PROPERTY);
        if (ports == null) {
            int[] started = StubUpstreams.start();
            ports = started[0] + "," + started[1] + "," + started[2] + "," + started[3];
            System.setProperty(STUBS_PROPERTY, ports);
        }
        String[] port = ports.split(",");

        Map<String, String> config = new HashMap<>();
        config.put("torn.upstream.competence.url", "http://127.0.0.1:" + port[0]);
        config.put("torn.upstream.task.url", "http://127.0.0.1:" + port[1]);
        config.put("torn.upstream.responsibility.url", "http://127.0.0.1:" + port[2]);
        config.put("torn.upstream.grants.url", "http://127.0.0.1:" + port[3]);
        if (InstancesTest.TwoInstances.class.getName().equals(profile)) {
            // Two instances per service, the first failing: it drops each request, or nothing listens.
            String echo = "http://127.0.0.1:" + port[0];
            String dropping = "http://127.0.0.1:" + StubUpstreams.dropping();
            config.put("torn.upstream.competence.url", dropping + "," + echo);
            config.put("torn.upstream.task.url", dropping + ",http://127.0.0.1:" + port[1]);
            config.put("torn.upstream.responsibility.url", "http://127.0.0.1:" + FreePort.find() + "," + echo);
            config.put("torn.upstream.grants.url", dropping + "," + echo);
        }
        config.put("quarkus.oidc.auth-server-url", KeycloakDownProfile.class.getName().equals(profile)
                ? "http://127.0.0.1:" + FreePort.find() + "/realms/torn"
                : KeycloakResource.realmUrl());
        return config;
    }

    @Override
    public void stop() {
        // Keycloak and the stubs live until the test JVM exits (see class comment)
    }
}
