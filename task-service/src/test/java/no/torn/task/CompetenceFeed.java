package no.torn.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import no.torn.platform.testing.EventBus;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Competence-service events of helse-vest / helse-bergen as task-service receives them, sent to the real broker; a
 * test collects events, sends them in order and waits until the consumer has taken every one.
 */
public final class CompetenceFeed {

    /** Where competence-service publishes: each event's RHF's topic, or the national one. */
    public static final String TOPIC = "torn.{rhf}.competence.v1";
    /** Helse Vest's competence topic, where this feed's employees and records go. */
    public static final String VEST_TOPIC = "torn.helse-vest.competence.v1";
    public static final String ACQUIRED_ON = "2020-01-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String bootstrap;
    private final List<String> sentIds = new ArrayList<>();
    private final List<ProducerRecord<String, String>> outgoing = new ArrayList<>();

    public CompetenceFeed(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** An employee-registered event; returns the new employee's id. */
    public UUID employee(String number, String group, String unit, long version, String status) {
        UUID id = UUID.randomUUID();
        employeeEvent(id, number, group, unit, version, status, "employee-registered");
        return id;
    }

    public void employeeEvent(UUID id, String number, String group, String unit, long version, String status,
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

    /** A record-registered event, acquired on {@value #ACQUIRED_ON}; returns the record id. */
    public UUID competence(UUID employee, String code, List<String> implied, String validUntil, String status,
                           long version) {
        UUID id = UUID.randomUUID();
        send(id, recordEvent(UUID.randomUUID().toString(), "record-registered", id, employee, code, implied,
                validUntil, status, version));
        return id;
    }

    public static String recordEvent(String eventId, String type, UUID recordId, UUID employee, String code,
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
        data.put("acquiredOn", ACQUIRED_ON);
        data.put("validUntil", validUntil);
        data.put("status", status);
        data.put("trustLevel", "VERIFIED");
        data.put("reason", null);
        data.put("thresholdDays", null);
        data.put("version", version);
        return envelope(eventId, type, recordId, data);
    }

    /**
     * A competence-type-defined event as competence-service publishes it; {@code rhf} is the owning RHF or
     * "national".
     */
    public void typeDefined(String code, String rhf, String status, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("rhf", rhf);
        data.put("name", "Type " + code);
        data.put("kind", "REAL");
        data.put("category", "COURSE");
        data.put("implies", List.of());
        data.put("authorisesGroups", List.of());
        data.put("status", status);
        data.put("version", version);
        sendKeyed(code, envelope(UUID.randomUUID().toString(), "competence-type-defined", code, rhf, data));
    }

    /** A competence-type-retired event: retired (still readable) or deleted. */
    public void typeRetired(String code, String rhf, boolean deleted, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("code", code);
        data.put("rhf", rhf);
        data.put("retiredAt", "2026-11-20T10:00:00Z");
        data.put("deleted", deleted);
        data.put("version", version);
        sendKeyed(code, envelope(UUID.randomUUID().toString(), "competence-type-retired", code, rhf, data));
    }

    private static String envelope(String eventId, String type, UUID subject, Map<String, Object> data) {
        return envelope(eventId, type, subject.toString(), "helse-vest", data);
    }

    private static String envelope(String eventId, String type, String subject, String rhf,
                                   Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("specversion", "1.0");
        event.put("id", eventId);
        event.put("source", "/torn/competence-service");
        event.put("type", "no.torn.competence." + type + ".v1");
        event.put("subject", subject);
        event.put("time", "2026-11-20T10:00:00Z");
        event.put("datacontenttype", "application/json");
        event.put("rhf", rhf);
        event.put("data", data);
        try {
            return JSON.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Queues an event; its id is awaited by {@link #awaitApplied}. */
    public void send(UUID key, String event) {
        sendKeyed(key.toString(), event);
    }

    private void sendKeyed(String key, String event) {
        try {
            sentIds.add(JSON.readTree(event).path("id").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        outgoing.add(new ProducerRecord<>(EventBus.topicOf(TOPIC, event), key, event));
    }

    /** Queues a message the consumer is not expected to apply (it is not awaited). */
    public void sendUnapplied(String key, String value) {
        outgoing.add(new ProducerRecord<>(VEST_TOPIC, key, value));
    }

    /** Sends everything queued, in order. */
    public void flush() throws Exception {
        // With competence-service's own credentials: only it may write these topics.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                EventBus.of(bootstrap).producerConfig("torn-competence-service"))) {
            for (ProducerRecord<String, String> record : outgoing) {
                producer.send(record).get();
            }
        }
        outgoing.clear();
    }

    /** As {@link #awaitApplied(EntityManager)}, reading the inbox through plain JDBC. */
    public void awaitApplied(DataSource db) {
        List<String> distinct = sentIds.stream().distinct().toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "select count(*) from processed_event where consumer = 'task-service.competence' "
                            + "and event_id = any (?)")) {
                ps.setArray(1, c.createArrayOf("varchar", distinct.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1) == distinct.size();
                }
            }
        });
    }

    /** Waits until the consumer has recorded every distinct event id sent. */
    public void awaitApplied(EntityManager em) {
        List<String> distinct = sentIds.stream().distinct().toList();
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from processed_event where consumer = "
                                + "'task-service.competence' and event_id in (:ids)")
                        .setParameter("ids", distinct).getSingleResult()).intValue()) == distinct.size());
    }
}
