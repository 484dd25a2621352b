package no.torn.competence;

import com.fasterxml.jackson.databind.JsonNode;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.testing.EventBus;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TopicReader;
import no.torn.platform.time.Today;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static no.torn.platform.testing.Api.as;

/** Fixtures shared by the API tests: request bodies, created employees and records, events on the real topic. */
public final class Fixtures {

    public static final String ROOT = "/api/v1/competence";
    /** Helse Vest's competence topic, where most tests' employees and records are published. */
    public static final String TOPIC = "torn.helse-vest.competence.v1";
    /** Every scope's competence topic: the national one (national competence types) and each RHF's. */
    public static final List<String> TOPICS = EventBus.everyScope("torn.{rhf}.competence.v1");

    private Fixtures() {
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Today in Norway by the real clock (tests that move the test clock compute their own days). */
    public static LocalDate today() {
        return Today.dateOf(Instant.now());
    }

    /** Groups of authorised health personnel: their employees have an HPR number, as authorisations require. */
    public static final Set<String> HEALTH_PROFESSIONS = Set.of("lege", "lis", "sykepleier", "spesialsykepleier",
            "jordmor", "helsefagarbeider", "helsesekretaer", "fysioterapeut", "ergoterapeut", "farmasoyt",
            "bioingenior");

    public static Map<String, Object> employeeBody(String hf, String unit, String number, String group) {
        Map<String, Object> body = new HashMap<>();
        if (HEALTH_PROFESSIONS.contains(group)) {
            body.put("hprNumber", "1234567");
        }
        body.put("hf", hf);
        body.put("unit", unit);
        body.put("employeeNumber", number);
        body.put("name", "Test Person " + number);
        body.put("personnelGroup", group);
        return body;
    }

    public static String createEmployee(String user, String hf, String unit, String group) {
        return as(user).body(employeeBody(hf, unit, unique("E"), group))
                .post(ROOT + "/employees").then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> recordBody(String employeeId, String code, LocalDate acquiredOn,
                                                 LocalDate validUntil, String documentRef) {
        Map<String, Object> body = new HashMap<>();
        body.put("employeeId", employeeId);
        body.put("competenceCode", code);
        body.put("acquiredOn", acquiredOn.toString());
        if (validUntil != null) {
            body.put("validUntil", validUntil.toString());
        }
        if (documentRef != null) {
            body.put("evidence", Map.of("issuer", "Helsedirektoratet", "documentReference", documentRef));
        }
        return body;
    }

    public static String createRecord(String user, String employeeId, String code, LocalDate acquiredOn,
                                      LocalDate validUntil) {
        return as(user).body(recordBody(employeeId, code, acquiredOn, validUntil, "DOC-" + code))
                .post(ROOT + "/records").then().statusCode(201).extract().path("id");
    }

    public static Path schema(String eventName) {
        return Path.of("src/main/resources/META-INF/resources/events/schemas/" + eventName + ".v1.json");
    }

    /** Waits for {@code count} events of {@code name} about {@code subject}; each is checked against its schema. */
    public static List<JsonNode> events(String bootstrap, String subject, String name, int count) {
        String type = CompetenceEvents.type(name);
        List<TopicReader.Event> found = TopicReader.await(bootstrap, TOPICS,
                e -> subject.equals(e.subject()) && type.equals(e.type()), count, Duration.ofSeconds(30));
        for (TopicReader.Event e : found) {
            EventSchemas.assertValid(schema(name), e.cloudEvent());
            if (!subject.equals(e.key())) {
                throw new AssertionError("Kafka key " + e.key() + " is not the subject " + subject);
            }
        }
        return found.stream().map(TopicReader.Event::cloudEvent).toList();
    }

    public static JsonNode event(String bootstrap, String subject, String name) {
        List<JsonNode> all = events(bootstrap, subject, name, 1);
        return all.get(all.size() - 1);
    }
}
