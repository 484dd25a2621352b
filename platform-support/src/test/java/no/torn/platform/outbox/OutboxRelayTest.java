package no.torn.platform.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.testing.KafkaResource;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "torn.helse-vest.platform-test.v1";

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void publishesCommittedEventAsCloudEventKeyedByAggregate() {
        String subject = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() ->
                outbox.publish("no.torn.platform.probe-created.v1", subject, "helse-vest", Map.of("n", 1)));

        List<TopicReader.Event> events = TopicReader.await(bootstrap, TOPIC, e -> subject.equals(e.subject()), 1,
                Duration.ofSeconds(20));

        assertThat(events).hasSize(1);
        TopicReader.Event event = events.get(0);
        assertThat(event.key()).isEqualTo(subject);
        assertThat(event.contentType()).startsWith("application/cloudevents+json");
        assertThat(event.cloudEvent().path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.type()).isEqualTo("no.torn.platform.probe-created.v1");
        assertThat(event.cloudEvent().path("source").asText()).isEqualTo("/torn/platform-test");
        assertThat(event.cloudEvent().path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(event.data().path("n").asInt()).isEqualTo(1);
    }

    @Test
    void batchOfEventsIsPublishedInOrderAfterCommit() {
        String subject = UUID.randomUUID().toString();
        List<Outbox.Pending> batch = java.util.stream.IntStream.range(0, 1200)
                .mapToObj(i -> new Outbox.Pending("no.torn.platform.probe-counted.v1", subject, "helse-midt",
                        Map.of("n", i)))
                .toList();
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(batch));

        List<TopicReader.Event> events = TopicReader.await(bootstrap, "torn.helse-midt.platform-test.v1",
                e -> subject.equals(e.subject()), 1200, Duration.ofSeconds(60));

        assertThat(events).hasSize(1200);
        assertThat(events).extracting(e -> e.data().path("n").asInt())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 1200).boxed().toList());
    }

    @Test
    void rolledBackChangeNeverPublishes() {
        String rolledBack = UUID.randomUUID().toString();
        String committed = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.publish("no.torn.platform.probe-created.v1", rolledBack, "helse-vest", Map.of());
            throw new IllegalStateException("the change fails after the event was recorded");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() ->
                outbox.publish("no.torn.platform.probe-created.v1", committed, "helse-vest", Map.of()));

        // Once the later event is on the topic, the relay has passed the point where the rolled-back one would be.
        TopicReader.await(bootstrap, TOPIC, e -> committed.equals(e.subject()), 1, Duration.ofSeconds(20));
        List<TopicReader.Event> all = TopicReader.await(bootstrap, TOPIC, e -> true, 1, Duration.ofSeconds(5));
        assertThat(all).noneMatch(e -> rolledBack.equals(e.subject()));
        assertThat(count("select count(*) from outbox_event where subject = '" + rolledBack + "'")).isZero();
    }

    @Test
    void eventWrittenWhileBrokerIsDownArrivesExactlyOnceAfterRestart() {
        String subject = UUID.randomUUID().toString();
        KafkaResource.broker().kill();
        try {
            QuarkusTransaction.requiringNew().run(() ->
                    outbox.publish("no.torn.platform.probe-created.v1", subject, "helse-nord", Map.of("outage", true)));
            // The change is committed and the event waits in the outbox while nothing can acknowledge it.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                    count("select count(*) from outbox_event where subject = '" + subject + "' and sent_at is null") == 1);
        } finally {
            KafkaResource.broker().start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() ->
                count("select count(*) from outbox_event where subject = '" + subject + "' and sent_at is not null") == 1);
        // A helse-nord event goes to helse-nord's topic, never to another RHF's.
        List<TopicReader.Event> delivered = TopicReader.await(bootstrap, "torn.helse-nord.platform-test.v1",
                e -> subject.equals(e.subject()), 1, Duration.ofSeconds(30));
        assertThat(delivered).hasSize(1);
        // The consumer applied it exactly once, too.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from probe_applied where subject = '" + subject + "'") == 1);
    }

    long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }
}
