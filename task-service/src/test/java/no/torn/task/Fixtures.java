package no.torn.task;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import no.torn.platform.testing.Api;
import no.torn.platform.testing.EventBus;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TopicReader;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared test fixtures: authenticated requests as demo users, unique codes, published-event checks. */
public final class Fixtures {

    /** Every scope's task topic: the tests' tasks are national or of several RHFs. */
    public static final List<String> TOPICS = EventBus.everyScope("torn.{rhf}.task.v1");

    private Fixtures() {
    }

    /** A request as a demo user; the platform's one API client. */
    public static RequestSpecification as(String user) {
        return Api.as(user);
    }

    public static String uniqueCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    public static Map<String, Object> task(String code, boolean national, String category, String risk,
                                           boolean requiresHealthProfessional, boolean allowsUntrained,
                                           List<String> competences) {
        return new java.util.HashMap<>(Map.of("code", code, "national", national, "title", "Task " + code,
                "category", category, "riskLevel", risk, "requiresHealthProfessional", requiresHealthProfessional,
                "allowsUntrainedStaff", allowsUntrained, "requiredCompetences", competences));
    }

    /** Registers a national task as the national admin and returns its code. */
    public static String nationalTask(String prefix, String category, String risk, boolean requiresHealthProfessional,
                                      boolean allowsUntrained, List<String> competences) {
        String code = uniqueCode(prefix);
        as("vest-national").body(task(code, true, category, risk, requiresHealthProfessional, allowsUntrained,
                competences)).post("/api/v1/tasks").then().statusCode(201);
        return code;
    }

    public static ValidatableResponse createMapping(String user, String taskCode, String from, String to,
                                                    String supervision, List<String> extras) {
        return as(user).body(Map.of("taskCode", taskCode, "fromGroup", from, "toGroup", to,
                        "extraRequiredCompetences", extras, "supervisionLevel", supervision,
                        "legalBasis", "Helsepersonelloven §5", "requiredTraining", "Intern opplæring"))
                .post("/api/v1/sharing-mappings").then();
    }

    /** Waits for the event on the real topic and checks it against the committed schema. */
    public static TopicReader.Event publishedEvent(String bootstrap, String type, String subject) {
        List<TopicReader.Event> events = TopicReader.await(bootstrap, TOPICS,
                e -> e.type().equals("no.torn.task." + type + ".v1") && subject.equals(e.subject()), 1,
                Duration.ofSeconds(30));
        TopicReader.Event event = events.get(events.size() - 1);
        assertThat(event.key()).isEqualTo(subject);
        assertThat(event.contentType()).startsWith("application/cloudevents+json");
        EventSchemas.assertValid(Path.of("src/main/resources/META-INF/resources/events/schemas/" + type + ".v1.json"),
                event.cloudEvent());
        return event;
    }
}
