package no.torn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.torn.platform.testing.KafkaBroker;
import no.torn.platform.testing.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Latency from a {@code record-expired} event on torn.competence.v1 to the {@code delegation-suspended} event it
 * causes on torn.responsibility.v1, both measured as broker record timestamps (CreateTime, same machine).
 * <p>
 * Starts a real Kafka broker and PostgreSQL, runs the packaged service against them, seeds N active delegations
 * (one employee, one competence record and one delegation each, written straight to the read model and delegation
 * tables: setup is not what is measured), then publishes one record-expired per record at a fixed rate.
 * <p>
 * Args: events (1000), rate per second (100), warm-up events (200).
 */
public final class SuspensionLatencyBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CODE = "bench-competence";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path serviceJar = Path.of(System.getProperty("bench.service-jar",
                "../../responsibility-service/target/quarkus-app/quarkus-run.jar")).toAbsolutePath().normalize();
        if (!Files.exists(serviceJar)) {
            throw new IllegalStateException("Build the service first: " + serviceJar + " is missing");
        }
        Path work = Files.createDirectories(Path.of("target", "bench-" + System.currentTimeMillis()).toAbsolutePath());

        KafkaBroker broker = new KafkaBroker(work.resolve("kafka"));
        PostgresResource postgres = new PostgresResource();
        postgres.init(Map.of("database", "torn_responsibility_bench"));
        Process service = null;
        try {
            Files.createDirectories(work.resolve("kafka"));
            broker.start();
            Map<String, String> db = postgres.start();
            int port = freePort();
            service = startService(serviceJar, work, broker.bootstrapServers(), db, port);
            awaitReady(port, service);
            System.out.printf("Service ready on port %d (broker %s)%n", port, broker.bootstrapServers());

            List<Seeded> seeded = seed(db, warmup + events);
            System.out.printf("Seeded %d active delegations%n", seeded.size());

            Map<String, Long> suspendedAt = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            Thread reader = new Thread(() -> readSuspensions(broker.bootstrapServers(), suspendedAt, running));
            reader.start();
            Thread.sleep(2000);

            Map<String, Long> expiredAt = new ConcurrentHashMap<>();
            try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
                publish(producer, seeded.subList(0, warmup), rate, expiredAt);
                awaitAll(seeded.subList(0, warmup), suspendedAt, Duration.ofSeconds(120));
                System.out.printf("Warm-up of %d events done%n", warmup);
                publish(producer, seeded.subList(warmup, seeded.size()), rate, expiredAt);
                awaitAll(seeded.subList(warmup, seeded.size()), suspendedAt, Duration.ofSeconds(300));
            }
            running.set(false);
            reader.join();

            List<Long> latencies = new ArrayList<>();
            for (Seeded s : seeded.subList(warmup, seeded.size())) {
                latencies.add(suspendedAt.get(s.delegationId) - expiredAt.get(s.delegationId));
            }
            Collections.sort(latencies);
            System.out.printf("%nrecord-expired -> delegation-suspended, %d events at %d/s (after %d warm-up):%n",
                    latencies.size(), rate, warmup);
            System.out.printf("  p50 %d ms, p90 %d ms, p99 %d ms, max %d ms, min %d ms%n", pct(latencies, 50),
                    pct(latencies, 90), pct(latencies, 99), latencies.get(latencies.size() - 1), latencies.get(0));
            System.out.printf("  cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        } finally {
            if (service != null) {
                service.destroy();
                service.waitFor();
            }
            broker.stop();
            postgres.stop();
        }
    }

    private record Seeded(String delegationId, String recordId, String employeeId) {
    }

    private static Process startService(Path jar, Path work, String bootstrap, Map<String, String> db, int port)
            throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + bootstrap,
                "-Dquarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                "-Dquarkus.datasource.username=" + db.get("quarkus.datasource.username"),
                "-Dquarkus.datasource.password=" + db.get("quarkus.datasource.password"),
                // No API calls are made: the identity provider is not needed for this measurement.
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dquarkus.log.level=WARN",
                "-jar", jar.toString());
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("service.log").toFile()).start();
    }

    private static void awaitReady(int port, Process service) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The service exited; see its service.log");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service did not become ready");
    }

    /** One active clarification, then per delegation an employee, a valid record and an ACTIVE delegation. */
    private static List<Seeded> seed(Map<String, String> db, int count) throws Exception {
        List<Seeded> seeded = new ArrayList<>();
        String url = db.get("quarkus.datasource.jdbc.url");
        try (Connection c = DriverManager.getConnection(url, db.get("quarkus.datasource.username"),
                db.get("quarkus.datasource.password"))) {
            c.setAutoCommit(false);
            UUID clarification = UUID.randomUUID();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into clarification (id, rhf, hf, unit, task_code, delegating_group, performing_group,
                      supervisor_role, legal_basis, risk_assessment, active_from, review_date, status, created_by,
                      created_at, updated_at, version)
                    values (?, 'helse-vest', 'helse-bergen', 'bench', 'bench-task', 'sykepleier', 'helsefagarbeider',
                      'Sykepleier', 'Helsepersonelloven §5', 'Bench', ?, ?, 'ACTIVE', 'bench', now(), now(), 2)""")) {
                s.setObject(1, clarification);
                s.setObject(2, LocalDate.now().minusDays(1));
                s.setObject(3, LocalDate.now().plusYears(1));
                s.executeUpdate();
            }
            try (PreparedStatement employee = c.prepareStatement("""
                    insert into employee_view (employee_id, rhf, hf, unit, employee_number, personnel_group, status,
                      source_version, updated_at) values (?, 'helse-vest', 'helse-bergen', 'bench', ?,
                      'helsefagarbeider', 'ACTIVE', 1, now())""");
                 PreparedStatement record = c.prepareStatement("""
                    insert into competence_record_view (record_id, employee_id, rhf, hf, unit, personnel_group,
                      competence_code, implied_codes, valid_until, status, source_version, updated_at)
                    values (?, ?, 'helse-vest', 'helse-bergen', 'bench', 'helsefagarbeider', ?, '[]'::jsonb, ?,
                      'ACTIVE', 1, now())""");
                 PreparedStatement delegation = c.prepareStatement("""
                    insert into delegation (id, rhf, hf, unit, clarification_id, task_code, employee_id, delegator,
                      supervisor, valid_from, required_competences, status, created_by, created_at, updated_at,
                      version) values (?, 'helse-vest', 'helse-bergen', 'bench', ?, 'bench-task', ?, 'Sykepleier',
                      'Sykepleier', ?, ?::jsonb, 'ACTIVE', 'bench', now(), now(), 1)""")) {
                for (int i = 0; i < count; i++) {
                    UUID e = UUID.randomUUID();
                    UUID r = UUID.randomUUID();
                    UUID d = UUID.randomUUID();
                    employee.setObject(1, e);
                    employee.setString(2, "B" + i);
                    employee.addBatch();
                    record.setObject(1, r);
                    record.setObject(2, e);
                    record.setString(3, CODE);
                    record.setObject(4, LocalDate.now().plusYears(1));
                    record.addBatch();
                    delegation.setObject(1, d);
                    delegation.setObject(2, clarification);
                    delegation.setObject(3, e);
                    delegation.setObject(4, LocalDate.now().minusDays(1));
                    delegation.setString(5, "[\"" + CODE + "\"]");
                    delegation.addBatch();
                    seeded.add(new Seeded(d.toString(), r.toString(), e.toString()));
                }
                employee.executeBatch();
                record.executeBatch();
                delegation.executeBatch();
            }
            c.commit();
        }
        return seeded;
    }

    private static void publish(KafkaProducer<String, String> producer, List<Seeded> batch, int rate,
                                Map<String, Long> expiredAt) throws Exception {
        long intervalNanos = 1_000_000_000L / rate;
        long next = System.nanoTime();
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Seeded s : batch) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            next += intervalNanos;
            sent.add(producer.send(new ProducerRecord<>("torn.competence.v1", s.recordId, expired(s))));
        }
        for (int i = 0; i < batch.size(); i++) {
            expiredAt.put(batch.get(i).delegationId, sent.get(i).get().timestamp());
        }
    }

    private static String expired(Seeded s) {
        var data = JSON.createObjectNode();
        data.put("recordId", s.recordId);
        data.put("employeeId", s.employeeId);
        data.put("rhf", "helse-vest");
        data.put("hf", "helse-bergen");
        data.put("unit", "bench");
        data.put("personnelGroup", "helsefagarbeider");
        data.put("competenceCode", CODE);
        data.putArray("impliedCodes");
        data.put("acquiredOn", "2024-01-01");
        data.put("validUntil", LocalDate.now().minusDays(1).toString());
        data.put("status", "EXPIRED");
        data.put("trustLevel", "VERIFIED");
        data.putNull("reason");
        data.putNull("thresholdDays");
        data.put("version", 2);
        var event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/torn/competence-service");
        event.put("type", "no.torn.competence.record-expired.v1");
        event.put("subject", s.recordId);
        event.put("time", Instant.now().toString());
        event.put("datacontenttype", "application/json");
        event.put("rhf", "helse-vest");
        event.set("data", data);
        return event.toString();
    }

    /** Remembers, per delegation, the broker timestamp of its delegation-suspended event. */
    private static void readSuspensions(String bootstrap, Map<String, Long> suspendedAt, AtomicBoolean running) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty()) {
                partitions = consumer.partitionsFor("torn.responsibility.v1", Duration.ofSeconds(5)).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        JsonNode event = JSON.readTree(record.value());
                        if ("no.torn.responsibility.delegation-suspended.v1".equals(event.path("type").asText())) {
                            suspendedAt.putIfAbsent(event.path("subject").asText(), record.timestamp());
                        }
                    } catch (Exception ignored) {
                        // not an event of interest
                    }
                }
            }
        }
    }

    private static void awaitAll(List<Seeded> batch, Map<String, Long> suspendedAt, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (batch.stream().allMatch(s -> suspendedAt.containsKey(s.delegationId))) {
                return;
            }
            Thread.sleep(50);
        }
        long missing = batch.stream().filter(s -> !suspendedAt.containsKey(s.delegationId)).count();
        throw new IllegalStateException(missing + " delegations were not suspended within " + timeout);
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.ACKS_CONFIG, "all"));
    }

    private static long pct(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
