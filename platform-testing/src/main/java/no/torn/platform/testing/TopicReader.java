package no.torn.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning the way an HR integration would, to assert what a service really published.
 */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** A record as it is on the topic. */
    public record Raw(String key, String value, Map<String, String> headers) {
    }

    /** A published CloudEvent: Kafka key, content-type header and the event JSON. */
    public record Event(String key, String contentType, JsonNode cloudEvent) {
        public String type() {
            return cloudEvent.path("type").asText();
        }

        public String subject() {
            return cloudEvent.path("subject").asText();
        }

        public JsonNode data() {
            return cloudEvent.path("data");
        }
    }

    /** Waits until at least {@code count} CloudEvents on {@code topic} match; returns every match seen. */
    public static List<Event> await(String bootstrapServers, String topic, Predicate<Event> match, int count,
                                    Duration timeout) {
        return await(bootstrapServers, List.of(topic), match, count, timeout);
    }

    /** As {@link #await(String, String, Predicate, int, Duration)}, over several topics (e.g. every scope's). */
    public static List<Event> await(String bootstrapServers, List<String> topics, Predicate<Event> match, int count,
                                    Duration timeout) {
        List<Event> events = new ArrayList<>();
        awaitRaw(bootstrapServers, topics, raw -> {
            Event event = toEvent(raw);
            if (event != null && match.test(event)) {
                events.add(event);
                return true;
            }
            return false;
        }, count, timeout);
        return events;
    }

    /** Waits until at least {@code count} records on {@code topic} match; returns every match seen. */
    public static List<Raw> awaitRaw(String bootstrapServers, String topic, Predicate<Raw> match, int count,
                                     Duration timeout) {
        return awaitRaw(bootstrapServers, List.of(topic), match, count, timeout);
    }

    private static List<Raw> awaitRaw(String bootstrapServers, List<String> topics, Predicate<Raw> match, int count,
                                      Duration timeout) {
        // Observes as the event bus admin: tests check what is on a topic, not who may read it.
        Map<String, Object> config = EventBus.of(bootstrapServers).adminConfig();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<TopicPartition> ofTopic = List.of();
                while (ofTopic.isEmpty() && System.nanoTime() < deadline) {
                    ofTopic = consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                            .map(p -> new TopicPartition(topic, p.partition())).toList();
                }
                partitions.addAll(ofTopic);
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<Raw> matching = new ArrayList<>();
            boolean enough = false;
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(300));
                for (ConsumerRecord<String, String> record : records) {
                    Raw raw = toRaw(record);
                    if (match.test(raw)) {
                        matching.add(raw);
                    }
                }
                if (enough && records.isEmpty()) {
                    return matching;
                }
                // Once enough matched, read on until the topic is drained so duplicates show up too.
                enough = matching.size() >= count;
            }
            throw new AssertionError("Expected " + count + " matching records on " + topics + " within " + timeout
                    + " but saw " + matching.size());
        }
    }

    private static Raw toRaw(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new Raw(record.key(), record.value(), headers);
    }

    private static Event toEvent(Raw raw) {
        try {
            return new Event(raw.key(), raw.headers().get("content-type"), JSON.readTree(raw.value()));
        } catch (Exception notJson) {
            return null;
        }
    }
}
