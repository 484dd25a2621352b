package no.torn.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real Kafka broker for a test run and points the service at it. Tests reach the broker through
 * {@link #broker()} to stop and restart it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    public static KafkaBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("KafkaResource has not started");
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = new KafkaBroker(ProjectPaths.runDir("kafka-" + System.nanoTime()));
        broker.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
        }
    }
}
