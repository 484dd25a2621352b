package no.torn.responsibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.torn.platform.testing.EventBus;
import no.torn.platform.testing.TestTokens;
import no.torn.platform.testing.TopicReader;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Test data the way it really arrives: competence and task events published to the real broker as CloudEvents,
 * and clarifications/delegations made through the API with real tokens.
 */
public final class Fixture {

    public static final String API = "/api/v1/responsibility";
    /** Where competence-service publishes: the event's RHF's topic, or the national one (see {@link #send}). */
    public static final String COMPETENCE_TOPIC = "torn.{rhf}.competence.v1";
    public static final String TASK_TOPIC = "torn.{rhf}.task.v1";
    /** This service's events about the test data (all of Helse Vest). */
    public static final String OWN_TOPIC = "torn.helse-vest.responsibility.v1";
    public static final String HF = "helse-bergen";
    public static final String UNIT = "akuttmottak";
    /** The employee behind the demo user vest-employee (employee_number V1001, hf helse-bergen). */
    public static final UUID V1001 = UUID.nameUUIDFromBytes("employee-V1001".getBytes());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new HashMap<>();

    private Fixture() {
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static String token(String user) {
        return TestTokens.bearer(TestTokens.user(user));
    }

    public static String code(String prefix) {
        // Task and competence codes are upper-case in the producers' contracts.
        return (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toUpperCase(java.util.Locale.ROOT);
    }

    // ---- events from other services ------------------------------------------------------------------------

    /** A producer with the credentials of the service that owns {@code topic} (only it may write there). */
    public static synchronized KafkaProducer<String, String> producer(String topic) {
        String client = topic.contains(".competence.") ? "torn-competence-service" : "torn-task-service";
        return PRODUCERS.computeIfAbsent(client, c -> {
            Map<String, Object> config = EventBus.of(bootstrap()).producerConfig(c);
            config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            return new KafkaProducer<>(config);
        });
    }

    /** Builds a structured CloudEvent; returns its JSON so a test can send the very same event twice. */
    public static String cloudEvent(String source, String type, String subject, String rhf, Object data) {
        ObjectNode node = JSON.createObjectNode();
        node.put("specversion", "1.0");
        node.put("id", UUID.randomUUID().toString());
        node.put("source", source);
        node.put("type", type);
        node.put("subject", subject);
        node.put("time", Instant.now().toString());
        node.put("datacontenttype", "application/json");
        node.put("rhf", rhf);
        node.set("data", JSON.valueToTree(data));
        return node.toString();
    }

    /** The same CloudEvent stamped with another time, as a producer whose clock reads {@code time} sends it. */
    public static String at(String event, Instant time) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(event);
            node.put("time", time.toString());
            return node.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends {@code event} as the producing service would: to {@code topic}, a topic template such as
     * {@link #COMPETENCE_TOPIC} filled in with the event's {@code rhf} (national when it has none), or a topic name.
     */
    public static void send(String topic, String key, String event) {
        String to = EventBus.topicOf(topic, event);
        try {
            producer(to).send(new ProducerRecord<>(to, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String employeeEvent(String name, UUID employeeId, String employeeNumber, String hf, String unit,
                                       String group, String status, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("employeeId", employeeId.toString());
        data.put("rhf", "helse-vest");
        data.put("hf", hf);
        data.put("unit", unit);
        data.put("employeeNumber", employeeNumber);
        data.put("personnelGroup", group);
        data.put("status", status);
        data.put("version", version);
        return cloudEvent("/torn/competence-service", "no.torn.competence." + name + ".v1", employeeId.toString(),
                "helse-vest", data);
    }

    public static String recordEvent(String name, UUID recordId, UUID employeeId, String code, List<String> implied,
                                     LocalDate validUntil, String status, long version, String reason) {
        return recordEvent(name, recordId, employeeId, code, implied, LocalDate.of(2024, 1, 15), validUntil, status,
                version, reason);
    }

    public static String recordEvent(String name, UUID recordId, UUID employeeId, String code, List<String> implied,
                                     LocalDate acquiredOn, LocalDate validUntil, String status, long version,
                                     String reason) {
        Map<String, Object> data = new HashMap<>();
        data.put("recordId", recordId.toString());
        data.put("employeeId", employeeId.toString());
        data.put("rhf", "helse-vest");
        data.put("hf", HF);
        data.put("unit", UNIT);
        data.put("personnelGroup", "helsefagarbeider");
        data.put("competenceCode", code);
        data.put("impliedCodes", implied);
        data.put("acquiredOn", acquiredOn.toString());
        data.put("validUntil", validUntil == null ? null : validUntil.toString());
        data.put("status", status);
        data.put("trustLevel", "VERIFIED");
        data.put("reason", reason);
        data.put("thresholdDays", null);
        data.put("version", version);
        return cloudEvent("/torn/competence-service", "no.torn.competence." + name + ".v1", recordId.toString(),
                "helse-vest", data);
    }

    public static String taskEvent(String name, String code, String rhf, List<String> required, String status,
                                   long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("taskId", UUID.nameUUIDFromBytes(code.getBytes()).toString());
        data.put("code", code);
        data.put("rhf", rhf);
        data.put("variantOf", null);
        data.put("title", "Task " + code);
        data.put("category", "CLINICAL");
        data.put("riskLevel", "MEDIUM");
        data.put("requiresHealthProfessional", true);
        data.put("allowsUntrainedStaff", false);
        data.put("requiredCompetences", required);
        data.put("status", status);
        data.put("version", version);
        return cloudEvent("/torn/task-service", "no.torn.task." + name + ".v1", code,
                rhf == null ? "national" : rhf, data);
    }

    public static String mappingEvent(String name, UUID mappingId, String rhf, String taskCode, List<String> taskRequired,
                                      List<String> extra, String status, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("mappingId", mappingId.toString());
        data.put("rhf", rhf);
        data.put("taskCode", taskCode);
        data.put("fromGroup", "sykepleier");
        data.put("toGroup", "helsefagarbeider");
        data.put("taskRequiredCompetences", taskRequired);
        data.put("extraRequiredCompetences", extra);
        java.util.LinkedHashSet<String> union = new java.util.LinkedHashSet<>(taskRequired);
        union.addAll(extra);
        data.put("requiredCompetences", List.copyOf(union));
        data.put("supervisionLevel", "AVAILABLE");
        data.put("riskLevel", "MEDIUM");
        data.put("legalBasis", "Helsepersonelloven §5");
        data.put("status", status);
        data.put("version", version);
        return cloudEvent("/torn/task-service", "no.torn.task." + name + ".v1", mappingId.toString(), rhf, data);
    }

    public static void awaitRow(String sql, Object... params) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Db.count(sql, params) > 0);
    }

    // ---- a task, a mapping and the employee, ready for clarifications ----------------------------------------

    /** A national task and an approved helse-vest mapping for it (sykepleier → helsefagarbeider). */
    public record Basis(String taskCode, UUID mappingId, List<String> required) {
    }

    public static Basis basis(List<String> taskRequired, List<String> extra) {
        String task = code("T");
        UUID mapping = UUID.randomUUID();
        send(TASK_TOPIC, task, taskEvent("task-registered", task, null, taskRequired, "ACTIVE", 1));
        send(TASK_TOPIC, mapping.toString(), mappingEvent("sharing-mapping-approved", mapping, "helse-vest", task,
                taskRequired, extra, "APPROVED", 2));
        awaitRow("select count(*) from task_view where code = ?1", task);
        awaitRow("select count(*) from sharing_mapping_view where mapping_id = ?1", mapping);
        java.util.LinkedHashSet<String> union = new java.util.LinkedHashSet<>(taskRequired);
        union.addAll(extra);
        return new Basis(task, mapping, List.copyOf(union));
    }

    /** Registers vest-employee's employee (V1001) in the read model; repeating it is harmless. */
    public static void employeeV1001() {
        send(COMPETENCE_TOPIC, V1001.toString(), employeeEvent("employee-registered", V1001, "V1001", HF, UNIT,
                "helsefagarbeider", "ACTIVE", 1));
        awaitRow("select count(*) from employee_view where employee_id = ?1", V1001);
    }

    /** A valid competence record for an employee; returns its id. */
    public static UUID grant(UUID employeeId, String code, List<String> implied) {
        UUID recordId = UUID.randomUUID();
        send(COMPETENCE_TOPIC, recordId.toString(), recordEvent("record-registered", recordId, employeeId, code,
                implied, LocalDate.now().plusYears(2), "ACTIVE", 1, null));
        awaitRow("select count(*) from competence_record_view where record_id = ?1", recordId);
        return recordId;
    }

    // ---- API helpers --------------------------------------------------------------------------------------

    public static Map<String, Object> clarificationBody(Basis basis, String unit) {
        Map<String, Object> body = new HashMap<>();
        body.put("hf", HF);
        body.put("unit", unit);
        body.put("mappingId", basis.mappingId().toString());
        body.put("supervisorRole", "Sykepleier i vakt");
        body.put("legalBasis", "Helsepersonelloven §4 og §5");
        body.put("riskAssessment", "Lav risiko ved opplært personell og tilgjengelig veileder");
        body.put("conditions", "Kun dagtid");
        body.put("activeFrom", LocalDate.now().minusDays(1).toString());
        body.put("reviewDate", LocalDate.now().plusYears(1).toString());
        body.put("parties", List.of(
                Map.of("raci", "ACCOUNTABLE", "party", "Avdelingsoverlege"),
                Map.of("raci", "RESPONSIBLE", "party", "Helsefagarbeider"),
                Map.of("raci", "CONSULTED", "party", "Sykepleier i vakt"),
                Map.of("raci", "INFORMED", "party", "Seksjonsleder")));
        return body;
    }

    public static ValidatableResponse post(String user, String path, Object body) {
        return given().header("Authorization", token(user)).contentType(ContentType.JSON).body(body)
                .when().post(API + path).then();
    }

    public static ValidatableResponse get(String user, String path) {
        return given().header("Authorization", token(user)).when().get(API + path).then();
    }

    /** Draft (vest-leader), submit (vest-leader), approve (vest-leader2): an ACTIVE clarification's id. */
    public static String activeClarification(Basis basis, String unit) {
        String id = post("vest-leader", "/clarifications", clarificationBody(basis, unit)).statusCode(201)
                .extract().path("id");
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200);
        return id;
    }

    public static Map<String, Object> delegationBody(String clarificationId, UUID employeeId) {
        Map<String, Object> body = new HashMap<>();
        body.put("clarificationId", clarificationId);
        body.put("employeeId", employeeId.toString());
        body.put("delegator", "Sykepleier Kari (ansvarlig sykepleier)");
        body.put("supervisor", "Sykepleier i vakt");
        body.put("validFrom", LocalDate.now().toString());
        return body;
    }

    /** A delegation to V1001 that the employee has confirmed: ACTIVE. Returns its id. */
    public static String activeDelegation(String clarificationId) {
        String id = post("vest-leader", "/delegations", delegationBody(clarificationId, V1001)).statusCode(201)
                .extract().path("id");
        post("vest-employee", "/me/delegations/" + id + "/confirm", Map.of("version", 0, "consideredCompetent", true))
                .statusCode(200);
        return id;
    }

    public static List<TopicReader.Event> published(Predicate<TopicReader.Event> match, int count) {
        return TopicReader.await(bootstrap(), OWN_TOPIC, match, count, Duration.ofSeconds(30));
    }

    public static Path schema(String eventName) {
        return Path.of("src/main/resources/META-INF/resources/events/schemas/" + eventName + ".v1.json");
    }
}
