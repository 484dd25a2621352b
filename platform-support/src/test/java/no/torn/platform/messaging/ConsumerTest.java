package no.torn.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.testing.EventBus;
import no.torn.platform.testing.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ConsumerTest {

    private static final String TOPIC = "torn.helse-vest.platform-test.v1";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void duplicateDeliveryIsAppliedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        String subject = UUID.randomUUID().toString();
        String event = cloudEvent(id, subject);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, subject, event)).get();
            producer.send(new ProducerRecord<>(TOPIC, subject, event)).get();
        }
        String marker = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, subject, cloudEvent(UUID.randomUUID().toString(), marker))).get();
        }
        // The marker is behind both copies on the same partition: once it is applied, both copies were seen.
        await().atMost(Duration.ofSeconds(30)).until(() -> count(marker) == 1);
        assertThat(count(subject)).isEqualTo(1);
    }

    @Test
    void poisonMessageGoesToDeadLetterTopicAndLaterMessagesStillFlow() throws Exception {
        String key = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, key, "{not a cloud event")).get();
            producer.send(new ProducerRecord<>(TOPIC, key, cloudEvent(UUID.randomUUID().toString(), after))).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count(after) == 1);
        var dead = TopicReader.awaitRaw(bootstrap, TOPIC + ".dlq", r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead.get(0).value()).isEqualTo("{not a cloud event");
        assertThat(dead.get(0).headers()).containsKey("dead-letter-reason");
    }

    @Test
    void invalidDataGoesToDeadLetterTopicAndUnroutedTypesAreSkipped() throws Exception {
        String poison = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(TOPIC, poison, cloudEvent(UUID.randomUUID().toString(), poison,
                    "no.torn.platform.probe-created.v1", "{\"colour\":\"Not A Word\"}"))).get();
            producer.send(new ProducerRecord<>(TOPIC, poison, cloudEvent(UUID.randomUUID().toString(), other,
                    "no.torn.platform.probe-deleted.v1", "{}"))).get();
            producer.send(new ProducerRecord<>(TOPIC, poison, cloudEvent(UUID.randomUUID().toString(), after,
                    "no.torn.platform.probe-created.v1", "{\"colour\":\"blue\",\"addedLater\":1}"))).get();
        }
        // Unknown data properties are tolerated: producers may add fields within a version.
        await().atMost(Duration.ofSeconds(30)).until(() -> count(after) == 1);
        assertThat(count(poison)).isZero();
        assertThat(count(other)).isZero();
        var dead = TopicReader.awaitRaw(bootstrap, TOPIC + ".dlq", r -> poison.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).contains("Not A Word");
    }

    private static String cloudEvent(String id, String subject) {
        return cloudEvent(id, subject, "no.torn.platform.probe-created.v1", "{}");
    }

    private static String cloudEvent(String id, String subject, String type, String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"/test","type":"%s",
                 "subject":"%s","time":"2026-01-01T00:00:00Z","rhf":"helse-vest","data":%s}"""
                .formatted(id, type, subject, data);
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = EventBus.of(bootstrap).adminConfig();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(config);
    }

    long count(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from probe_applied where subject = ?1").setParameter(1, subject)
                .getSingleResult()).longValue());
    }
}
