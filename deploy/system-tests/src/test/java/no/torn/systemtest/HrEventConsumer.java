package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import no.torn.platform.testing.EventBus;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An HR system's consumer of the platform topics, as the integrator guide describes it: it authenticates as its RHF's
 * HR client (client credentials, SASL OAUTHBEARER), reads its RHF's topics and the national ones from "now" without
 * filtering (the broker lets it read nothing else), and notes for each event how long after the change it arrived
 * (the event's {@code time} is taken in the transaction that commits the change, so this is commit → consumer).
 */
final class HrEventConsumer implements AutoCloseable {

    /** The topics an HR integration of {@code rhf} follows: its RHF's and the national ones. */
    static List<String> topicsOf(String rhf) {
        List<String> topics = new ArrayList<>();
        for (String scope : List.of(rhf, "national")) {
            Platform.SERVICES.forEach(service -> topics.add("torn." + scope + "." + service + ".v1"));
        }
        return topics;
    }

    record Received(JsonNode cloudEvent, long latencyMillis) {
    }

    private final String rhf;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    HrEventConsumer(String bootstrapServers, String rhf) {
        this.rhf = rhf;
        Map<String, Object> config = EventBus.of(bootstrapServers).clientConfig("hr-integration-" + rhf);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topicsOf(rhf)) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        accept(record.value());
                    }
                }
            }
        }, "hr-event-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void accept(String value) {
        Instant now = Instant.now();
        try {
            JsonNode event = Gateway.JSON.readTree(value);
            Instant time = Instant.parse(event.path("time").asText());
            received.add(new Received(event, Duration.between(time, now).toMillis()));
        } catch (Exception notAnEvent) {
            // Not a CloudEvent: an HR consumer skips it.
        }
    }

    /** Events of another RHF that reached this consumer: the event bus must keep this at zero. */
    List<JsonNode> foreign() {
        return received.stream().map(Received::cloudEvent)
                .filter(e -> !rhf.equals(e.path("rhf").asText()) && !"national".equals(e.path("rhf").asText()))
                .toList();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<JsonNode> ofType(String type) {
        return received.stream().map(Received::cloudEvent).filter(e -> type.equals(e.path("type").asText())).toList();
    }

    /** The latency below which the given fraction of events arrived, in milliseconds. */
    long percentile(double fraction) {
        List<Long> sorted = received.stream().map(Received::latencyMillis).sorted().toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
