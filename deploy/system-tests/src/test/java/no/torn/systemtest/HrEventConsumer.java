package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
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
 * An HR system's consumer of the platform topics, as the integrator guide describes it: it reads every topic from
 * "now", keeps the events of its own RHF, and notes for each how long after the change it arrived (the event's
 * {@code time} is taken in the transaction that commits the change, so this is commit → consumer).
 */
final class HrEventConsumer implements AutoCloseable {

    static final List<String> TOPICS = List.of("torn.competence.v1", "torn.task.v1", "torn.responsibility.v1",
            "torn.grants.v1");

    record Received(JsonNode cloudEvent, long latencyMillis) {
    }

    private final String rhf;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    HrEventConsumer(String bootstrapServers, String rhf) {
        this.rhf = rhf;
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            // Asking for the partitions creates a missing topic (auto-create), so "now" is well defined.
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
            if (!rhf.equals(event.path("rhf").asText())) {
                return;
            }
            Instant time = Instant.parse(event.path("time").asText());
            received.add(new Received(event, Duration.between(time, now).toMillis()));
        } catch (Exception notAnEvent) {
            // Not a CloudEvent: an HR consumer skips it.
        }
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
