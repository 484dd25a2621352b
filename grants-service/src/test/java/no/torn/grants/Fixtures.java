package no.torn.grants;

import com.fasterxml.jackson.databind.JsonNode;
import no.torn.platform.testing.EventAssertions;
import no.torn.platform.testing.EventBus;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.KafkaResource;
import no.torn.platform.testing.TopicReader;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

/**
 * Request bodies, the steps that bring a round to the point a test needs (split, allocated, locked, granted), and the
 * published events checked against their committed schemas.
 */
final class Fixtures {

    /** Every scope's topic: the tests' data belong to several RHFs, rounds are national. */
    static final List<String> TOPICS = EventBus.everyScope("torn.{rhf}.grants.v1");

    /** Helse Vest's participating HFs: base frames 40/30/20/10. */
    static final List<Map<String, Object>> VEST_HFS = List.of(
            json("hf", "helse-bergen", "baseFrame", 40), json("hf", "helse-stavanger", "baseFrame", 30),
            json("hf", "helse-fonna", "baseFrame", 20), json("hf", "helse-forde", "baseFrame", 10));

    private Fixtures() {
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

    /** A round of its own (year and programme) with pots of 5 000 000 for Helse Vest and 10 000 000 for Sør-Øst. */
    static String openRound(int year, String programme) {
        return as("vest-national").body(json("year", year, "programme", programme, "title", "TØRN " + year,
                        "nationalAmount", 30_000_000, "pots", List.of(
                                json("rhf", "helse-vest", "amount", 5_000_000),
                                json("rhf", "helse-sor-ost", "amount", 10_000_000))))
                .post("/api/v1/grants/rounds")
                .then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
    }

    /** 10 % to RHF activities and 200 001 in reserve leave an HF pot of 4 299 999. */
    static Map<String, Object> split(long version, long minimum, List<Map<String, Object>> participants) {
        return json("rhfActivitiesPercent", 10, "evaluationReserve", 200_001, "minimumAmount", minimum,
                "participants", participants, "version", version);
    }

    static int version(String user, String path) {
        return as(user).get(path).then().statusCode(200).extract().path("version");
    }

    static Map<String, Object> application(String round, String hf, long requested) {
        return json("roundId", round, "hf", hf, "title", "Portører overtar pasienttransport",
                "department", "Medisinsk klinikk", "fromGroup", "sykepleier", "toGroup", "portor",
                "taskCodes", List.of("PASIENTTRANSPORT"), "description", "Portørene tar over transport.",
                "kind", "PLANNED", "requestedAmount", requested, "contactName", "Kari Nordmann",
                "contactEmail", "kari@example.org");
    }

    static String submit(String user, String round, String hf, long requested) {
        return as(user).body(application(round, hf, requested)).post("/api/v1/grants/applications")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");
    }

    static Map<String, Object> report(String application, String kind) {
        return json("applicationId", application, "kind", kind, "summary", "Portørene har tatt over transporten",
                "hoursPerWeekMoved", 12.5, "staffTrained", 8, "delegationsActive", 6);
    }

    /** A round whose Helse Vest pot is split over {@link #VEST_HFS} (minimum 300 000) and allocated, not locked. */
    static String allocatedRound(int year) {
        String round = openRound(year, unique("fixture"));
        String pot = "/api/v1/grants/rounds/" + round + "/pots/helse-vest";
        as("vest-admin").body(split(version("vest-admin", pot), 300_000, VEST_HFS)).put(pot + "/split")
                .then().statusCode(200);
        as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations").then().statusCode(201);
        return round;
    }

    /** Locks the round's allocations (ALLOCATED), so grants can be decided. */
    static void lock(String round) {
        String path = "/api/v1/grants/rounds/" + round;
        as("vest-national").body(json("status", "ALLOCATED", "version", version("vest-national", path)))
                .post(path + "/status").then().statusCode(200);
    }

    /** Grants {@code amount} to an application of Helse Vest; returns the decided application's version. */
    static int grant(String application, long amount) {
        String path = "/api/v1/grants/applications/" + application;
        return as("vest-admin").body(json("outcome", "GRANTED", "grantedAmount", amount,
                        "version", version("vest-admin", path)))
                .post(path + "/decision").then().statusCode(200).extract().path("version");
    }

    /** Waits for {@code count} events about the subjects and validates each against its committed schema. */
    static List<TopicReader.Event> eventsAbout(Collection<String> subjects, int count) {
        List<TopicReader.Event> events = TopicReader.await(KafkaResource.broker().bootstrapServers(),
                TOPICS, e -> subjects.contains(e.subject()), count, EventAssertions.TIMEOUT);
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
