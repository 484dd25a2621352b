package no.torn.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event assertions against the test broker: wait for the CloudEvents a command must have published, by type and
 * subject (the aggregate id), and read their data.
 */
public final class EventAssertions {

    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private EventAssertions() {
    }

    /** Waits for the one event of {@code type} about {@code subject} on {@code topic} and returns it. */
    public static TopicReader.Event awaitEvent(String topic, String type, Object subject) {
        List<TopicReader.Event> events = awaitEvents(topic, ofType(type).and(about(subject)), 1);
        assertThat(events).as("events of type %s about %s on %s", type, subject, topic).hasSize(1);
        return events.get(0);
    }

    /** Waits until at least {@code count} events on {@code topic} match and returns every match. */
    public static List<TopicReader.Event> awaitEvents(String topic, Predicate<TopicReader.Event> match, int count) {
        List<TopicReader.Event> events = TopicReader.await(KafkaResource.broker().bootstrapServers(), topic, match,
                count, TIMEOUT);
        assertThat(events).as("events on %s", topic).hasSizeGreaterThanOrEqualTo(count);
        return events;
    }

    public static Predicate<TopicReader.Event> ofType(String type) {
        return e -> type.equals(e.type());
    }

    public static Predicate<TopicReader.Event> about(Object subject) {
        return e -> String.valueOf(subject).equals(e.subject());
    }
}
