package no.torn.grants;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TestTokens;
import no.torn.platform.testing.TopicReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shortcuts for the tests: requests as a demo user, and the published events checked against their schemas. */
final class Api {

    static final String TOPIC = "torn.grants.v1";

    private Api() {
    }

    static RequestSpecification as(String user) {
        return given().header("Authorization", TestTokens.bearer(TestTokens.user(user))).contentType(ContentType.JSON);
    }

    /** A JSON object from key/value pairs, in order (Map.of stops at ten pairs). */
    static Map<String, Object> json(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits for {@code count} events about the subjects and validates each against its committed schema. */
    static List<TopicReader.Event> eventsAbout(String bootstrap, Collection<String> subjects, int count) {
        List<TopicReader.Event> events = TopicReader.await(bootstrap, TOPIC, e -> subjects.contains(e.subject()),
                count, Duration.ofSeconds(30));
        for (TopicReader.Event e : events) {
            String name = e.type().replace("no.torn.grants.", "").replace(".v1", "");
            EventSchemas.assertValid(Path.of("src/main/resources/META-INF/resources/events/schemas/" + name
                    + ".v1.json"), e.cloudEvent());
        }
        return events;
    }

    static JsonNode data(List<TopicReader.Event> events, String type, String subject) {
        return events.stream().filter(e -> e.type().equals(type) && e.subject().equals(subject))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " about " + subject)).data();
    }
}
