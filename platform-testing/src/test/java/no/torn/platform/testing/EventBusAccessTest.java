package no.torn.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event bus as deployed (deploy/kafka/broker.properties and event-bus.conf) against the realm file: who may do
 * what, tried with real Keycloak tokens on a real broker. HR integrations read only their RHF's topics and the
 * national ones, services write only their own, and nobody connects without a valid token.
 */
class EventBusAccessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaBroker broker;
    private static EventBus bus;

    @BeforeAll
    static void startBroker() {
        broker = new KafkaBroker(ProjectPaths.runDir("kafka-access-" + System.nanoTime()),
                KeycloakServer.sharedRealmUrl());
        broker.start();
        bus = broker.bus();
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void thePlanCreatesEveryRhfsTopicsAndTheNationalOnes() throws Exception {
        try (Admin admin = Admin.create(bus.adminConfig())) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (String scope : EventBus.SCOPES) {
                for (String service : List.of("competence", "task", "responsibility", "grants")) {
                    assertThat(topics).contains("torn." + scope + "." + service + ".v1");
                }
                assertThat(topics).contains("torn." + scope + ".competence.v1.dlq", "torn." + scope + ".task.v1.dlq");
            }
            assertThat(topics).noneMatch(t -> t.startsWith("torn.") && t.split("\\.").length < 4);
        }
    }

    @Test
    void anHrClientReadsItsOwnRhfAndTheNationalTopicsOnly() throws Exception {
        String own = "torn.helse-vest.competence.v1";
        String national = "torn.national.task.v1";
        String foreign = "torn.helse-sor-ost.competence.v1";
        String key = UUID.randomUUID().toString();
        send("torn-competence-service", own, key, "own");
        send("torn-task-service", national, key, "national");
        send("torn-competence-service", foreign, key, "foreign");

        assertThat(read("hr-integration-helse-vest", own, key)).containsExactly("own");
        assertThat(read("hr-integration-helse-vest", national, key)).containsExactly("national");
        assertThatThrownBy(() -> read("hr-integration-helse-vest", foreign, key))
                .isInstanceOf(TopicAuthorizationException.class);
        // Helse Sør-Øst's own client reads it.
        assertThat(read("hr-integration-helse-sor-ost", foreign, key)).containsExactly("foreign");
    }

    @Test
    void anHrClientCannotSeeOtherRhfsTopicsExistOrWriteItsOwn() throws Exception {
        try (Admin admin = Admin.create(bus.clientConfig("hr-integration-helse-vest"))) {
            Set<String> visible = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(visible).isNotEmpty()
                    .allMatch(t -> t.startsWith("torn.helse-vest.") || t.startsWith("torn.national."));
        }
        // Refused before any record is written (the producer may not even initialise without write rights).
        assertThatThrownBy(() -> send("hr-integration-helse-vest", "torn.helse-vest.competence.v1", "k", "forged"))
                .hasCauseInstanceOf(AuthorizationException.class);
    }

    @Test
    void anHrClientUsesConsumerGroupsUnderItsOwnName() {
        Map<String, Object> config = consumerConfig("hr-integration-helse-vest");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hr-integration-helse-sor-ost.payroll");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("torn.helse-vest.competence.v1"));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    consumer.poll(Duration.ofMillis(200));
                }
            }).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void aServiceWritesItsOwnTopicsOnly() throws Exception {
        send("torn-task-service", "torn.helse-vest.task.v1", "k", "own");
        assertThatThrownBy(() -> send("torn-task-service", "torn.helse-vest.competence.v1", "k", "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send("torn-grants-service", "torn.national.task.v1", "k", "forged"))
                .hasCauseInstanceOf(TopicAuthorizationException.class);
        // A consumer of competence events may dead-letter them beside their topic.
        send("torn-task-service", "torn.helse-vest.competence.v1.dlq", "k", "dead letter");
    }

    @Test
    void aClientWithoutATokenCannotConnect() {
        Map<String, Object> anonymous = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bus.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        try (Admin admin = Admin.create(anonymous)) {
            assertThatThrownBy(() -> admin.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
        assertThatThrownBy(() -> read(bus.clientConfig("hr-integration-helse-vest", "wrong-secret"),
                "torn.helse-vest.competence.v1", "k")).isNotNull();
    }

    @Test
    void aDisabledClientGetsNoTokenAndSoNoConnection() throws Exception {
        String client = "hr-integration-helse-nord";
        String topic = "torn.helse-nord.competence.v1";
        assertThat(read(client, topic, "nothing")).isEmpty();
        setEnabled(client, false);
        try {
            assertThatThrownBy(() -> read(client, topic, "nothing")).isNotNull();
        } finally {
            setEnabled(client, true);
        }
        assertThat(read(client, topic, "nothing")).isEmpty();
    }

    private static void send(String client, String topic, String key, String value) throws Exception {
        Map<String, Object> config = bus.clientConfig(client);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(20, TimeUnit.SECONDS);
        }
    }

    private static List<String> read(String client, String topic, String key) {
        return read(consumerConfig(client), topic, key);
    }

    private static Map<String, Object> consumerConfig(String client) {
        Map<String, Object> config = bus.clientConfig(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, client + ".test-" + UUID.randomUUID());
        return config;
    }

    /** Reads a topic from the beginning (as a group member, as integrations do) and returns the values of {@code key}. */
    private static List<String> read(Map<String, Object> base, String topic, String key) {
        Map<String, Object> config = new java.util.HashMap<>(base);
        config.putIfAbsent(ConsumerConfig.GROUP_ID_CONFIG, "hr-integration-helse-vest.test-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (key.equals(r.key())) {
                        values.add(r.value());
                    }
                });
                if (!values.isEmpty()) {
                    break;
                }
            }
            return values;
        }
    }

    /** Enables or disables a client of the realm through Keycloak's admin API, as an operator would. */
    private static void setEnabled(String clientId, boolean enabled) throws Exception {
        String realmUrl = bus.realmUrl();
        String base = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=password&client_id=admin-cli&username=" + KeycloakServer.ADMIN + "&password="
                + URLEncoder.encode(KeycloakServer.ADMIN, StandardCharsets.UTF_8);
        JsonNode token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body());
        String bearer = "Bearer " + token.path("access_token").asText();
        JsonNode clients = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/torn/clients?clientId="
                + clientId)).header("Authorization", bearer).build(), HttpResponse.BodyHandlers.ofString()).body());
        String id = clients.get(0).path("id").asText();
        HttpResponse<String> updated = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/torn/clients/" + id))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + enabled + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(updated.statusCode()).as("updating client %s: %s", clientId, updated.body()).isEqualTo(204);
    }
}
