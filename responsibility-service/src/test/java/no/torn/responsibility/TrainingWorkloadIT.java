package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import no.torn.platform.testing.KafkaResource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.TASK_TOPIC;
import static no.torn.responsibility.Fixture.clarificationBody;
import static no.torn.responsibility.Fixture.code;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.mappingEvent;
import static no.torn.responsibility.Fixture.post;
import static no.torn.responsibility.Fixture.taskEvent;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged application under the requests it serves most: task and mapping events consumed from Kafka, then
 * clarifications drafted, submitted, approved and read back, and the platform endpoints. With
 * quarkus.package.jar.aot.enabled this run is also the training run whose classes and profiles go into
 * target/quarkus-app/app.aot.
 */
@QuarkusIntegrationTest
class TrainingWorkloadIT {

    private static final int ROUNDS = 5;

    @Test
    void servesTheEverydayWorkload() throws Exception {
        try (KafkaProducer<String, String> taskService = new KafkaProducer<>(
                KafkaResource.broker().bus().producerConfig("torn-task-service"))) {
            for (int round = 0; round < ROUNDS; round++) {
                String task = code("T");
                UUID mapping = UUID.randomUUID();
                send(taskService, task, taskEvent("task-registered", task, null, List.of(), "ACTIVE", 1));
                send(taskService, mapping.toString(), mappingEvent("sharing-mapping-approved", mapping, "helse-vest",
                        task, List.of(), List.of(), "APPROVED", 2));
                Fixture.Basis basis = new Fixture.Basis(task, mapping, List.of());

                // The mapping is known once its events are consumed; until then a draft is refused.
                String[] created = new String[1];
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    var response = post("vest-leader", "/clarifications", clarificationBody(basis, "sengepost-1"))
                            .extract();
                    created[0] = response.statusCode() == 201 ? response.path("id") : null;
                    return created[0] != null;
                });
                String id = created[0];
                get("vest-auditor", "/clarifications/" + id).statusCode(200)
                        .body("status", equalTo("DRAFT")).body("taskCode", equalTo(task));
                post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
                post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200)
                        .body("status", equalTo("ACTIVE"));
                get("vest-leader", "/clarifications?taskCode=" + task + "&size=2&page=0").statusCode(200)
                        .body("total", equalTo(1));
                get("vest-auditor", "/audit?entityId=" + id).statusCode(200);
                // A foreign clarification answers 404; bad input is a 400; no token is a 401.
                get("sorost-leader", "/clarifications/" + id).statusCode(404);
                get("vest-leader", "/clarifications?size=500").statusCode(400);
                given().get(API + "/clarifications").then().statusCode(401);
                given().get("/q/health/ready").then().statusCode(200);
                given().get("/q/openapi").then().statusCode(200);
            }
        }
    }

    private static void send(KafkaProducer<String, String> producer, String key, String event) throws Exception {
        String topic = no.torn.platform.testing.EventBus.topicOf(TASK_TOPIC, event);
        producer.send(new ProducerRecord<>(topic, key, event)).get();
    }
}
