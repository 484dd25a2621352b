package no.torn.platform.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three nodes, replication 3, {@code min.insync.replicas} 2: a producer with {@code acks=all} and idempotence (the
 * outbox relay's settings) loses nothing and duplicates nothing while a node is killed, and each key keeps its order.
 */
class KafkaClusterTest {

    private static final String TOPIC = "torn.helse-vest.competence.v1";
    private static KafkaCluster cluster;

    @BeforeAll
    static void start() {
        cluster = new KafkaCluster(ProjectPaths.runDir("kafka-cluster-" + System.nanoTime()),
                KeycloakServer.sharedRealmUrl(), 3);
        cluster.start();
    }

    @AfterAll
    static void stop() {
        cluster.stop();
    }

    @Test
    void topicsHaveThreeReplicasOfWhichTwoMustAcknowledge() throws Exception {
        try (Admin admin = Admin.create(cluster.bus().adminConfig())) {
            TopicDescription topic = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(TOPIC);
            assertThat(topic.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            var config = admin.describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, TOPIC))).all().get(30, TimeUnit.SECONDS);
            assertThat(config.values().iterator().next().get("min.insync.replicas").value()).isEqualTo("2");
        }
    }

    @Test
    void aNodeKilledDuringABurstLosesNothingAndDuplicatesNothing() throws Exception {
        String run = Long.toString(System.nanoTime());
        int keys = 20;
        int perKey = 30;
        Map<String, Object> config = cluster.bus().producerConfig("torn-competence-service");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        List<Future<?>> acks = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (int n = 0; n < perKey; n++) {
                if (n == perKey / 3) {
                    cluster.nodes().get(1).kill();
                }
                for (int k = 0; k < keys; k++) {
                    acks.add(producer.send(new ProducerRecord<>(TOPIC, run + "-" + k, Integer.toString(n))));
                }
                producer.flush();
            }
            for (Future<?> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } finally {
            cluster.nodes().get(1).start();
        }

        Map<String, List<Integer>> seen = new HashMap<>();
        Set<String> distinct = new HashSet<>();
        TopicReader.awaitRaw(cluster.bootstrapServers(), TOPIC, r -> r.key() != null && r.key().startsWith(run + "-"),
                keys * perKey, Duration.ofSeconds(60)).forEach(r -> {
                    seen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(r.value()));
                    distinct.add(r.key() + "/" + r.value());
                });
        assertThat(distinct).as("acknowledged records, none lost").hasSize(keys * perKey);
        assertThat(seen.values()).allSatisfy(values -> assertThat(values)
                .as("one key's records: once each, in order").isSorted().doesNotHaveDuplicates());
        System.out.printf("Kafka cluster drill: %d records acknowledged with one of 3 nodes killed, %d read back, "
                + "0 lost, 0 duplicated%n", keys * perKey, distinct.size());
    }
}
