package no.torn.task.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.testing.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Eligible staff and coverage from competence events published to the real broker, including a duplicate delivery,
 * an event delivered before an older one, and a poison message.
 */
@QuarkusTest
class EligibleStaffTest {

    private static final String TOPIC = "torn.competence.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID_ON = "2026-12-01";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    private final List<String> sentIds = new ArrayList<>();
    private final List<ProducerRecord<String, String>> outgoing = new ArrayList<>();

    @Test
    void eligibleStaffAndCoverageFollowCompetenceEvents() throws Exception {
        String unit = "Post " + UUID.randomUUID().toString().substring(0, 6);
        String dispensing = nationalTask("MED-DISPENSING", "MEDICATION", "MEDIUM", true, false,
                List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        String meals = nationalTask("MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        String nobody = nationalTask("ADHD-FOLLOWUP", "MEDICATION", "HIGH", true, false, List.of("ADHD-OPPFOLGING"));
        String mappingId = createMapping("vest-admin", dispensing, "sykepleier", "helsefagarbeider", "AVAILABLE",
                List.of("LEGEMIDDELKURS-HFA")).statusCode(201).extract().path("id");
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/sharing-mappings/" + mappingId + "/propose")
                .then().statusCode(200);
        as("vest-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + mappingId + "/approve")
                .then().statusCode(200);

        // A nurse: authorisation implies the health worker competence; medication handling expires in 30 days.
        UUID nurse = employee("V-1", "sykepleier", unit, 1, "ACTIVE");
        competence(nurse, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        competence(nurse, "LEGEMIDDELHANDTERING", List.of(), "2026-12-31", "ACTIVE", 1);
        // A health worker with the mapping's extra course: eligible through the mapping. Its registration is
        // delivered twice.
        UUID worker = employee("V-2", "helsefagarbeider", unit, 1, "ACTIVE");
        competence(worker, "AUT-HELSEFAGARBEIDER", List.of(), null, "ACTIVE", 1);
        competence(worker, "LEGEMIDDELHANDTERING", List.of(), "2028-01-01", "ACTIVE", 1);
        UUID course = UUID.randomUUID();
        String courseEvent = recordEvent(UUID.randomUUID().toString(), "record-registered", course, worker,
                "LEGEMIDDELKURS-HFA", List.of(), null, "ACTIVE", 1);
        send(course, courseEvent);
        send(course, courseEvent);
        // Same key, so delivered after the duplicate: once version 2 is held, the duplicate has been seen too.
        send(course, recordEvent(UUID.randomUUID().toString(), "record-updated", course, worker,
                "LEGEMIDDELKURS-HFA", List.of(), "2029-06-30", "ACTIVE", 2));
        // A health worker without the extra course: not eligible, since the task was mapped to the group.
        UUID workerWithoutCourse = employee("V-3", "helsefagarbeider", unit, 1, "ACTIVE");
        competence(workerWithoutCourse, "AUT-HELSEFAGARBEIDER", List.of(), null, "ACTIVE", 1);
        competence(workerWithoutCourse, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        // A porter: never eligible for a health task, whatever he holds; eligible for meal service.
        UUID porter = employee("V-4", "portor", unit, 1, "ACTIVE");
        competence(porter, "AUT-HELSEFAGARBEIDER", List.of(), null, "ACTIVE", 1);
        competence(porter, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        // A nurse whose medication competence has expired by the date asked about.
        UUID expiredNurse = employee("V-5", "sykepleier", unit, 1, "ACTIVE");
        competence(expiredNurse, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        competence(expiredNurse, "LEGEMIDDELHANDTERING", List.of(), "2026-11-01", "ACTIVE", 1);
        // A nurse whose medication competence was revoked (version 2), the revocation delivered before the
        // registration (version 1): the older registration must not bring it back.
        UUID revokedNurse = employee("V-6", "sykepleier", unit, 1, "ACTIVE");
        competence(revokedNurse, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        UUID revoked = UUID.randomUUID();
        send(revoked, recordEvent(UUID.randomUUID().toString(), "record-revoked", revoked, revokedNurse,
                "LEGEMIDDELHANDTERING", List.of(), null, "REVOKED", 2));
        String registration = recordEvent(UUID.randomUUID().toString(), "record-registered", revoked, revokedNurse,
                "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        send(revoked, registration);
        // A nurse who left (version 2 after version 1), and one in another unit.
        UUID leaver = employee("V-8", "sykepleier", unit, 1, "ACTIVE");
        competence(leaver, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        competence(leaver, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        employeeEvent(leaver, "V-8", "sykepleier", unit, 2, "LEFT", "employee-left");
        UUID elsewhere = employee("V-7", "sykepleier", unit + " B", 1, "ACTIVE");
        competence(elsewhere, "AUT-SYKEPLEIER", List.of("AUT-HELSEFAGARBEIDER"), null, "ACTIVE", 1);
        competence(elsewhere, "LEGEMIDDELHANDTERING", List.of(), null, "ACTIVE", 1);
        // A poison message goes to the dead-letter topic and does not stop the rest.
        String poisonKey = UUID.randomUUID().toString();
        outgoing.add(new ProducerRecord<>(TOPIC, poisonKey, """
                {"specversion":"1.0","id":"%s","source":"/torn/competence-service",
                 "type":"no.torn.competence.record-registered.v1","subject":"%s","rhf":"helse-vest",
                 "data":{"recordId":"%s"}}""".formatted(UUID.randomUUID(), poisonKey, poisonKey)));
        flush();

        awaitAllApplied();
        List<TopicReader.Raw> dead = TopicReader.awaitRaw(bootstrap, TOPIC + ".dlq", r -> poisonKey.equals(r.key()), 1,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from cm_record where id = ?1").setParameter(1, course).getSingleResult())
                .longValue())).isEqualTo(2);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select status from cm_record where id = ?1").setParameter(1, revoked).getSingleResult()))
                .isEqualTo("REVOKED");

        String query = "/api/v1/tasks/" + dispensing + "/eligible-staff?hf=helse-bergen&unit=" + unit;
        as("vest-leader").get(query + "&validOn=" + VALID_ON).then().statusCode(200)
                .body("total", equalTo(2))
                .body("validOn", equalTo(VALID_ON))
                .body("items.employeeNumber", equalTo(List.of("V-1", "V-2")))
                .body("items[0].reason", equalTo("TASK_REQUIREMENTS"))
                .body("items[0].mappingId", nullValue())
                .body("items[0].expiringCompetences.competenceCode", equalTo(List.of("LEGEMIDDELHANDTERING")))
                .body("items[0].expiringCompetences[0].validUntil", equalTo("2026-12-31"))
                .body("items[1].reason", equalTo("SHARING_MAPPING"))
                .body("items[1].mappingId", equalTo(mappingId))
                .body("items[1].mappingFromGroup", equalTo("sykepleier"))
                .body("items[1].expiringCompetences", hasSize(0));
        // After the nurse's medication competence expires, only the health worker remains.
        as("vest-admin").get(query + "&validOn=2027-01-15").then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("V-2")));
        as("vest-admin").get(query + "&validOn=" + VALID_ON + "&size=1&page=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items.employeeNumber", equalTo(List.of("V-2")));
        // Meal service is open to staff without health training: every active employee of the unit.
        as("vest-hr").get("/api/v1/tasks/" + meals + "/eligible-staff?hf=helse-bergen&unit=" + unit
                        + "&validOn=" + VALID_ON).then().statusCode(200)
                .body("items.employeeNumber", equalTo(List.of("V-1", "V-2", "V-3", "V-4", "V-5", "V-6")));

        String coverage = "/api/v1/coverage?hf=helse-bergen&unit=" + unit + "&validOn=" + VALID_ON + "&size=200";
        as("vest-leader").get(coverage).then().statusCode(200)
                .body("employees", equalTo(6))
                .body("items.find { it.taskCode == '" + dispensing + "' }.eligibleStaff", equalTo(2))
                .body("items.find { it.taskCode == '" + dispensing + "' }.flag", equalTo("COVERED"))
                .body("items.find { it.taskCode == '" + meals + "' }.eligibleStaff", equalTo(6))
                .body("items.find { it.taskCode == '" + nobody + "' }.flag", equalTo("NONE"));
        as("vest-leader").get("/api/v1/coverage?hf=helse-bergen&unit=" + unit + "&validOn=2027-01-15&maxEligible=1"
                        + "&category=MEDICATION&size=200").then().statusCode(200)
                .body("items.find { it.taskCode == '" + dispensing + "' }.flag", equalTo("SINGLE"))
                .body("items.find { it.taskCode == '" + meals + "' }", nullValue())
                .body("items.findAll { it.eligibleStaff > 1 }", hasSize(0));

        // Tenancy, roles and bad input.
        as("sorost-admin").get(query).then().statusCode(403);
        as("sorost-admin").get("/api/v1/coverage?hf=helse-bergen&unit=" + unit).then().statusCode(403);
        as("sorost-national").get(query + "&validOn=" + VALID_ON).then().statusCode(200).body("total", equalTo(2));
        as("vest-employee").get(query).then().statusCode(403);
        as("vest-admin").get("/api/v1/tasks/" + dispensing + "/eligible-staff?hf=helse-bergen").then().statusCode(400);
        as("vest-admin").get(query + "&validOn=tomorrow").then().statusCode(400);
        as("vest-admin").get("/api/v1/coverage?hf=helse-bergen&unit=x&category=SURGERY").then().statusCode(400);
        as("vest-admin").get("/api/v1/tasks/NO-SUCH/eligible-staff?hf=helse-bergen&unit=x").then().statusCode(404);
        String sorostLocal = no.torn.task.Fixtures.uniqueCode("OUS-LOCAL");
        as("sorost-admin").body(no.torn.task.Fixtures.task(sorostLocal, false, "CLINICAL", "LOW", false, false,
                List.of())).post("/api/v1/tasks").then().statusCode(201);
        as("vest-admin").get("/api/v1/tasks/" + sorostLocal + "/eligible-staff?hf=helse-bergen&unit=x")
                .then().statusCode(404);
    }

    private UUID employee(String number, String group, String unit, long version, String status) {
        UUID id = UUID.randomUUID();
        employeeEvent(id, number, group, unit, version, status, "employee-registered");
        return id;
    }

    private void employeeEvent(UUID id, String number, String group, String unit, long version, String status,
                               String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("employeeId", id.toString());
        data.put("rhf", "helse-vest");
        data.put("hf", "helse-bergen");
        data.put("unit", unit);
        data.put("employeeNumber", number);
        data.put("personnelGroup", group);
        data.put("status", status);
        data.put("version", version);
        send(id, envelope(UUID.randomUUID().toString(), type, id, data));
    }

    private void competence(UUID employee, String code, List<String> implied, String validUntil, String status,
                        long version) {
        UUID id = UUID.randomUUID();
        send(id, recordEvent(UUID.randomUUID().toString(), "record-registered", id, employee, code, implied,
                validUntil, status, version));
    }

    private static String recordEvent(String eventId, String type, UUID recordId, UUID employee, String code,
                                      List<String> implied, String validUntil, String status, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("recordId", recordId.toString());
        data.put("employeeId", employee.toString());
        data.put("rhf", "helse-vest");
        data.put("hf", "helse-bergen");
        data.put("unit", "ignored");
        data.put("personnelGroup", "sykepleier");
        data.put("competenceCode", code);
        data.put("impliedCodes", implied);
        data.put("acquiredOn", "2020-01-01");
        data.put("validUntil", validUntil);
        data.put("status", status);
        data.put("trustLevel", "VERIFIED");
        data.put("reason", null);
        data.put("thresholdDays", null);
        data.put("version", version);
        return envelope(eventId, type, recordId, data);
    }

    private static String envelope(String eventId, String type, UUID subject, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/torn/competence-service");
        event.put("type", "no.torn.competence." + type + ".v1");
        event.put("subject", subject.toString());
        event.put("time", "2026-11-20T10:00:00Z");
        event.put("datacontenttype", "application/json");
        event.put("rhf", "helse-vest");
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(UUID key, String event) {
        try {
            sentIds.add(JSON.readTree(event).path("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        outgoing.add(new ProducerRecord<>(TOPIC, key.toString(), event));
    }

    private void flush() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (ProducerRecord<String, String> record : outgoing) {
                producer.send(record).get();
            }
        }
    }

    /** Every distinct event id sent has been recorded by the consumer. */
    private void awaitAllApplied() {
        List<String> distinct = sentIds.stream().distinct().toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from processed_event where consumer = "
                                + "'task-service.competence' and event_id in (:ids)")
                        .setParameter("ids", distinct).getSingleResult()).intValue()) == distinct.size());
    }
}
