package no.torn.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts a real Kafka broker for a test run, secured as in production (SASL OAUTHBEARER against the test JVM's
 * Keycloak, ACLs from deploy/kafka/event-bus.conf), and points the service at it as its own Keycloak client.
 * Init args: {@code client} (required: the Keycloak client the service connects as, e.g. torn-task-service) and
 * {@code extra-topics} (comma-separated topic names beyond the plan, {rhf} standing for every scope; for tests of
 * the platform mechanisms). Tests reach the broker through {@link #broker()} to stop and restart it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;
    private String client;
    private List<String> extraTopics = List.of();

    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaResource has not started");
        }
        return broker;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        client = initArgs.get("client");
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException(
                    "KafkaResource needs the init arg 'client' (the service's Keycloak client)");
        }
        String extra = initArgs.getOrDefault("extra-topics", "");
        extraTopics = extra.isBlank() ? List.of() : Arrays.stream(extra.split(",")).map(String::strip).toList();
    }

    @Override
    public Map<String, String> start() {
        broker = new KafkaBroker(ProjectPaths.runDir("kafka-" + System.nanoTime()), KeycloakServer.sharedRealmUrl())
                .withExtraTopics(extraTopics);
        broker.start();
        Map<String, String> config = new HashMap<>(broker.bus().serviceConfig(client));
        // An application packaged and launched as its own process (@QuarkusIntegrationTest) gets these entries as
        // system properties; its Kafka clients need the allow-list of token URLs there, not in the test JVM.
        config.put(EventBus.ALLOWED_URLS, broker.bus().allowedUrls());
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
