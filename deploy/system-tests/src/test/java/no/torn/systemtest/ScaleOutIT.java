package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import no.torn.platform.testing.KafkaBroker;
import no.torn.platform.testing.TestTokens;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static no.torn.systemtest.Gateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform scaled out: two instances of each domain service behind one gateway, on a three-node Kafka cluster
 * (replication 3, min ISR 2). During a burst of writes from several clients, one instance of every domain service
 * and one broker are killed with SIGKILL; clients retry a failed write as an integrator would (a create with the same
 * Idempotency-Key, an update after re-reading). Afterwards every acknowledged write is readable with its content, has
 * its event on the RHF's topic in version order per aggregate, and the consumers' surviving instances have applied
 * each event once. With both competence instances alive, the expiry job announces each expiring record once.
 * Also measures write and commit → consumer latency against the single-broker platform, and CPU per request and per
 * event from /proc (bench/SCALING.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    static final int INSTANCES = 2;
    static final int BROKERS = 3;
    /** Concurrent client threads in the burst. */
    static final int CLIENTS = 4;
    /** Employees per client; each gets four writes: employee and record created, both updated. */
    static final int EMPLOYEES_PER_CLIENT = 30;
    /** Sequential writes (and reads) per platform in the latency and CPU measurement. */
    static final int MEASURED = 100;
    static final int WARM_UP = 30;
    /** Records registered 5 days before their validUntil, announced by the expiry job (7-day threshold). */
    static final int EXPIRING = 6;

    private static final Duration DELIVERY = Duration.ofMinutes(3);
    private static final String COMPETENCE = "LEGEMIDDELHANDTERING";
    private static final String GROUP = "helsefagarbeider";
    private static final List<Tenant> TENANTS = List.of(
            new Tenant("helse-vest", "helse-bergen", "vest-hr", "vest-admin"),
            new Tenant("helse-sor-ost", "ous", "sorost-hr", "sorost-admin"));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ of /proc on Linux

    record Tenant(String rhf, String hf, String hr, String admin) {
    }

    private static Platform scaled;
    private static long startupMillis;
    /** Registered right after the drill, with both competence instances alive again; checked in the last test. */
    private static final Set<String> expiringRecords = new HashSet<>();
    private final LocalDate today = LocalDate.now();

    @BeforeAll
    static void platforms() {
        // The single-broker platform the other system tests share, for comparison; already up if they ran first.
        Platform.get();
        long started = System.nanoTime();
        scaled = Platform.scaledOut(INSTANCES, BROKERS);
        startupMillis = millisSince(started);
        System.out.printf("Scale-out platform: %d instances of each domain service, %d Kafka nodes, started in "
                + "%d ms%n", INSTANCES, BROKERS, startupMillis);
    }

    @AfterAll
    static void stopScaledPlatform() {
        if (scaled != null) {
            scaled.stop();
        }
    }

    // ---- 1. latency and CPU: one broker and one instance against three brokers and two instances ----

    @Test
    @Order(1)
    void writeAndEventLatencyAndCpuOnOneAndOnThreeBrokers() throws Exception {
        Measured single = measure("1 broker, 1 instance", Platform.get(), 1);
        Measured three = measure(BROKERS + " brokers, " + INSTANCES + " instances", scaled, BROKERS);
        assertThat(single.events()).isEqualTo(MEASURED);
        assertThat(three.events()).isEqualTo(MEASURED);
        System.out.printf("Scale-out cost of %d brokers: write p50 %+d ms, p99 %+d ms; commit→consumer p50 %+d ms, "
                        + "p99 %+d ms%n", BROKERS, three.writeP50() - single.writeP50(),
                three.writeP99() - single.writeP99(), three.eventP50() - single.eventP50(),
                three.eventP99() - single.eventP99());
    }

    record Measured(long writeP50, long writeP99, long eventP50, long eventP99, int events) {
    }

    /**
     * {@link #MEASURED} sequential employee registrations through the gateway, then as many reads: the latency a
     * client sees, the latency from commit to an HR consumer, and the CPU time (above the idle rate) each process
     * spent on them, read from /proc/[pid]/stat.
     */
    private Measured measure(String label, Platform platform, int brokers) throws Exception {
        Tenant vest = TENANTS.get(0);
        String unit = "Maaling-" + Scenario.tag();
        for (int i = 0; i < WARM_UP; i++) {
            createEmployee(platform, vest, unit + "-warm", "W" + i);
        }
        Map<String, List<Long>> pids = pids(platform, brokers);
        // Idle rate first: schedulers, probes and consumer polls run anyway.
        Cpu idleStart = Cpu.read(pids);
        Scenario.pause(5_000);
        Cpu idle = Cpu.read(pids).minus(idleStart);

        List<Long> writeLatency = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (HrEventConsumer hr = new HrEventConsumer(platform.bootstrapServers(), vest.rhf())) {
            Cpu before = Cpu.read(pids);
            for (int i = 0; i < MEASURED; i++) {
                long sent = System.nanoTime();
                ids.add(createEmployee(platform, vest, unit, "M" + i));
                writeLatency.add(millisSince(sent));
            }
            // Consumed by both consumers: task-service counts them, responsibility-service knows the last one.
            await().atMost(DELIVERY).pollInterval(Duration.ofMillis(250)).until(() ->
                    coverageEmployees(platform, vest, unit) == MEASURED
                            && send(platform, vest.admin(), "GET", "/api/v1/responsibility/employees/"
                            + ids.get(MEASURED - 1) + "/authorisations", null, null).status() == 200
                            && hr.ofType("no.torn.competence.employee-registered.v1").stream()
                            .filter(e -> unit.equals(e.path("data").path("unit").asText())).count() == MEASURED);
            Cpu writes = Cpu.read(pids).minus(before);
            Cpu reads0 = Cpu.read(pids);
            for (String id : ids) {
                assertThat(send(platform, vest.hr(), "GET", "/api/v1/competence/employees/" + id, null, null)
                        .status()).isEqualTo(200);
            }
            Cpu reads = Cpu.read(pids).minus(reads0);
            List<Long> eventLatency = hr.received().stream()
                    .filter(r -> unit.equals(r.cloudEvent().path("data").path("unit").asText()))
                    .map(HrEventConsumer.Received::latencyMillis).toList();
            Measured m = new Measured(percentile(writeLatency, 0.5), percentile(writeLatency, 0.99),
                    percentile(eventLatency, 0.5), percentile(eventLatency, 0.99), eventLatency.size());
            System.out.printf("Scale-out latency (%s): %d sequential writes p50 %d ms, p99 %d ms; commit→consumer "
                            + "p50 %d ms, p99 %d ms over %d events%n", label, MEASURED, m.writeP50(), m.writeP99(),
                    m.eventP50(), m.eventP99(), m.events());
            System.out.printf("Scale-out CPU (%s): per write competence %.1f ms, gateway %.1f ms, brokers %.1f ms, "
                            + "machine %.1f ms; per event task %.1f ms, responsibility %.1f ms; per read competence "
                            + "%.1f ms, gateway %.1f ms, machine %.1f ms (idle-corrected, %d writes, %d reads)%n",
                    label, writes.perOp("competence", idle, MEASURED), writes.perOp("gateway", idle, MEASURED),
                    writes.perOp("kafka", idle, MEASURED), writes.perOp("machine", idle, MEASURED),
                    writes.perOp("task", idle, MEASURED), writes.perOp("responsibility", idle, MEASURED),
                    reads.perOp("competence", idle, MEASURED), reads.perOp("gateway", idle, MEASURED),
                    reads.perOp("machine", idle, MEASURED), MEASURED, MEASURED);
            return m;
        }
    }

    // ---- 2. a burst of writes while an instance of every domain service and a broker die ----

    /** One write a client made, and what the platform answered in the end. */
    static final class Write {
        final String kind;
        final Tenant tenant;
        final String unit;
        String aggregateId;
        long version;
        String content;
        boolean acknowledged;
        /** Applied although the answer was lost; found by re-reading before the update was sent again. */
        boolean appliedUnacknowledged;
        String failure;
        int attempts;
        long latencyMillis;
        long acknowledgedAt;

        Write(String kind, Tenant tenant, String unit) {
            this.kind = kind;
            this.tenant = tenant;
            this.unit = unit;
        }
    }

    @Test
    @Order(2)
    void burstSurvivesKillingAnInstanceOfEveryServiceAndABroker() throws Exception {
        String run = Scenario.tag();
        Map<Tenant, String> units = new LinkedHashMap<>();
        TENANTS.forEach(t -> units.put(t, "Skalert-" + run + "-" + t.hf()));
        ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
        AtomicInteger acknowledged = new AtomicInteger();
        int planned = 4 * CLIENTS * EMPLOYEES_PER_CLIENT;

        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long burstStart = System.nanoTime();
        List<CompletableFuture<Void>> burst = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            burst.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < EMPLOYEES_PER_CLIENT; i++) {
                    Tenant tenant = TENANTS.get((client + i) % TENANTS.size());
                    String number = run + "-" + client + "-" + i;
                    employeeAndRecord(tenant, units.get(tenant), number, writes, acknowledged);
                }
            }, clients));
        }

        await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= planned / 3);
        long killedAt = System.nanoTime();
        int beforeKill = acknowledged.get();
        List<String> killed = new ArrayList<>();
        for (String service : Platform.SERVICES) {
            String victim = scaled.instanceNames(service).get(INSTANCES - 1);
            scaled.kill(victim);
            killed.add(victim);
        }
        // One node of three: the controller quorum (2 of 3) and min ISR 2 survive.
        KafkaBroker brokerVictim = scaled.cluster().nodes().get(BROKERS - 1);
        brokerVictim.kill();
        killed.add("kafka node " + BROKERS);

        CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        clients.shutdown();
        long burstMillis = millisSince(burstStart);
        // The expiry job's next run overlaps the checks below: bring back the killed competence instance, so both
        // schedulers fire, and register records the run will announce.
        expiringRecordsWithBothInstancesAlive();

        List<Write> all = new ArrayList<>(writes);
        List<Write> failed = all.stream().filter(w -> w.failure != null).toList();
        assertThat(failed).as("writes the platform refused for good").extracting(w -> w.kind + ": " + w.failure)
                .isEmpty();
        List<Write> acked = all.stream().filter(w -> w.acknowledged).toList();
        int retries = all.stream().mapToInt(w -> w.attempts - 1).sum();
        long afterKill = acked.stream().filter(w -> w.acknowledgedAt > killedAt).count();
        assertThat(afterKill).as("writes acknowledged after the kill").isGreaterThan(0);
        long writesRecoveredMillis = all.stream().filter(w -> w.attempts > 1 && w.acknowledgedAt > killedAt)
                .mapToLong(w -> (w.acknowledgedAt - killedAt) / 1_000_000).max().orElse(0);

        // 0 acknowledged writes lost: each is readable with the acknowledged content (and nothing newer came).
        Map<String, Write> latest = new HashMap<>();
        for (Write w : all) {
            if (w.acknowledged || w.appliedUnacknowledged) {
                latest.merge(w.aggregateId, w, (a, b) -> a.version >= b.version ? a : b);
            }
        }
        int lostWrites = 0;
        for (Write w : latest.values()) {
            boolean employee = w.kind.startsWith("employee");
            Answer current = send(scaled, w.tenant.hr(), "GET", (employee ? "/api/v1/competence/employees/"
                    : "/api/v1/competence/records/") + w.aggregateId, null, null);
            boolean same = current.status() == 200 && current.body().path("version").asLong() == w.version
                    && current.body().path(employee ? "name" : "validUntil").asText().equals(w.content);
            lostWrites += same ? 0 : 1;
        }
        assertThat(lostWrites).as("acknowledged writes not readable with their content").isZero();

        // 0 events lost, each once and in version order per aggregate: read both RHFs' topics as the bus admin.
        Set<String> unitNames = new HashSet<>(units.values());
        Set<String> changes = new HashSet<>();
        for (Write w : all) {
            if (w.acknowledged || w.appliedUnacknowledged) {
                changes.add(w.aggregateId + "@" + w.version);
            }
        }
        long ackedChanges = acked.stream().map(w -> w.aggregateId + "@" + w.version).distinct().count();
        List<TopicReader.Event> events = TopicReader.await(scaled.bootstrapServers(),
                TENANTS.stream().map(t -> "torn." + t.rhf() + ".competence.v1").toList(),
                e -> unitNames.contains(e.data().path("unit").asText()), changes.size(), DELIVERY);
        Set<String> published = new HashSet<>();
        for (TopicReader.Event e : events) {
            String aggregate = e.type().contains(".employee-") ? e.data().path("employeeId").asText()
                    : e.data().path("recordId").asText();
            published.add(aggregate + "@" + e.data().path("version").asLong());
        }
        long lostEvents = acked.stream().map(w -> w.aggregateId + "@" + w.version)
                .filter(c -> !published.contains(c)).distinct().count();
        Set<String> eventIds = events.stream().map(e -> e.cloudEvent().path("id").asText())
                .collect(Collectors.toSet());
        int duplicatesOnTopics = events.size() - eventIds.size();
        int outOfOrder = outOfOrder(events);
        assertThat(lostEvents).as("acknowledged changes without their event").isZero();
        assertThat(outOfOrder).as("events out of version order within an aggregate's key").isZero();

        // Consumer groups rebalanced: the surviving task-service and responsibility-service instances take over the
        // killed ones' partitions and apply every employee once (task-service counts each exactly once).
        Map<Tenant, List<String>> employees = new LinkedHashMap<>();
        for (Write w : all) {
            if (w.kind.equals("employee create") && w.acknowledged) {
                employees.computeIfAbsent(w.tenant, t -> new ArrayList<>()).add(w.aggregateId);
            }
        }
        Set<String> pending = new HashSet<>();
        employees.values().forEach(pending::addAll);
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Map.Entry<Tenant, List<String>> e : employees.entrySet()) {
                assertThat(coverageEmployees(scaled, e.getKey(), units.get(e.getKey())))
                        .as("employees task-service counts in " + units.get(e.getKey()))
                        .isEqualTo(e.getValue().size());
            }
            for (Map.Entry<Tenant, List<String>> e : employees.entrySet()) {
                for (String id : e.getValue()) {
                    if (pending.contains(id) && send(scaled, e.getKey().admin(), "GET",
                            "/api/v1/responsibility/employees/" + id + "/authorisations", null, null).status() == 200) {
                        pending.remove(id);
                    }
                }
            }
            assertThat(pending).as("employees responsibility-service does not know yet").isEmpty();
        });
        long consumersCaughtUpMillis = millisSince(killedAt);
        long afterKillEmployees = all.stream().filter(w -> w.kind.equals("employee create") && w.acknowledged
                && w.acknowledgedAt > killedAt).count();

        List<Long> latency = acked.stream().map(w -> w.latencyMillis).toList();
        System.out.printf("Scale-out drill (killed %s): %d writes attempted, %d acknowledged (%d before the kill), "
                        + "%d applied without answer, %d retries, %d events, %d duplicates on topics, %d lost writes, "
                        + "%d lost events, %d out of order, 0 applied twice; write p50 %d ms, p99 %d ms, max %d ms; "
                        + "writes recovered %d ms after the kill, consumers caught up (%d employees registered after "
                        + "the kill visible in task- and responsibility-service) %d ms after the kill; burst %d ms%n",
                String.join(", ", killed), all.size(), acked.size(), beforeKill,
                all.stream().filter(w -> w.appliedUnacknowledged).count(), retries, events.size(),
                duplicatesOnTopics, lostWrites, lostEvents, outOfOrder, percentile(latency, 0.5),
                percentile(latency, 0.99), latency.stream().mapToLong(Long::longValue).max().orElse(0),
                writesRecoveredMillis, afterKillEmployees, consumersCaughtUpMillis, burstMillis);
        assertThat(ackedChanges).isEqualTo(acked.size());
    }

    /** An employee registered, a competence record registered for them, then both updated. */
    private void employeeAndRecord(Tenant tenant, String unit, String number, Collection<Write> writes,
                                   AtomicInteger acknowledged) {
        Write employee = new Write("employee create", tenant, unit);
        String name = "Skalert " + number;
        create(employee, "/api/v1/competence/employees", json("hf", tenant.hf(), "unit", unit,
                "employeeNumber", number, "name", name, "personnelGroup", GROUP), "name", writes, acknowledged);
        if (!employee.acknowledged) {
            return;
        }
        Write record = new Write("record create", tenant, unit);
        create(record, "/api/v1/competence/records", json("employeeId", employee.aggregateId,
                "competenceCode", COMPETENCE, "acquiredOn", today.minusDays(30).toString(),
                "validUntil", today.plusYears(2).toString()), "validUntil", writes, acknowledged);

        Write rename = new Write("employee update", tenant, unit);
        String newName = name + " oppdatert";
        update(rename, "/api/v1/competence/employees/" + employee.aggregateId, employee.version, "name", newName,
                version -> json("unit", unit, "name", newName, "personnelGroup", GROUP, "version", version),
                writes, acknowledged);
        if (record.acknowledged) {
            Write extend = new Write("record update", tenant, unit);
            String until = today.plusYears(3).toString();
            update(extend, "/api/v1/competence/records/" + record.aggregateId, record.version, "validUntil", until,
                    version -> json("validUntil", until, "version", version), writes, acknowledged);
        }
    }

    /** A create retried with the same Idempotency-Key until the platform acknowledges it. */
    private void create(Write write, String path, Map<String, Object> body, String contentField,
                        Collection<Write> writes, AtomicInteger acknowledged) {
        String key = UUID.randomUUID().toString();
        long started = System.nanoTime();
        writes.add(write);
        while (write.attempts < 60) {
            write.attempts++;
            Answer answer = trySend(scaled, write.tenant.hr(), "POST", path, body, key);
            if (answer.status() / 100 == 2) {
                acknowledge(write, answer, contentField, started, acknowledged);
                return;
            }
            if (!retryable(answer)) {
                write.failure = answer.status() + " " + answer.body();
                return;
            }
            Scenario.pause(250);
        }
        write.failure = "no answer after " + write.attempts + " attempts";
    }

    /**
     * An update with the version last seen. When an earlier attempt's answer was lost, the version no longer
     * matches (409): the client re-reads, and either finds its change applied or sends it again on the new version.
     */
    private void update(Write write, String path, long version, String field, String value,
                        java.util.function.LongFunction<Map<String, Object>> body, Collection<Write> writes,
                        AtomicInteger acknowledged) {
        long started = System.nanoTime();
        writes.add(write);
        long expected = version;
        while (write.attempts < 60) {
            write.attempts++;
            Answer answer = trySend(scaled, write.tenant.hr(), "PUT", path, body.apply(expected), null);
            if (answer.status() / 100 == 2) {
                acknowledge(write, answer, field, started, acknowledged);
                return;
            }
            if (answer.status() == 409) {
                Answer current = trySend(scaled, write.tenant.hr(), "GET", path, null, null);
                if (current.status() == 200 && current.body().path(field).asText().equals(value)) {
                    write.appliedUnacknowledged = true;
                    write.aggregateId = current.body().path("id").asText();
                    write.version = current.body().path("version").asLong();
                    write.content = value;
                    return;
                }
                if (current.status() == 200) {
                    expected = current.body().path("version").asLong();
                }
            } else if (!retryable(answer)) {
                write.failure = answer.status() + " " + answer.body();
                return;
            }
            Scenario.pause(250);
        }
        write.failure = "no answer after " + write.attempts + " attempts";
    }

    private static void acknowledge(Write write, Answer answer, String contentField, long started,
                                    AtomicInteger acknowledged) {
        write.aggregateId = answer.body().path("id").asText();
        write.version = answer.body().path("version").asLong();
        write.content = answer.body().path(contentField).asText();
        write.latencyMillis = millisSince(started);
        write.acknowledgedAt = System.nanoTime();
        write.acknowledged = true;
        acknowledged.incrementAndGet();
    }

    /** No answer, or the gateway found no healthy instance: worth sending again. */
    private static boolean retryable(Answer answer) {
        return answer.status() == 0 || answer.status() >= 500;
    }

    /** Per Kafka key (the aggregate id), in offset order: versions of first deliveries must increase. */
    private static int outOfOrder(List<TopicReader.Event> events) {
        Map<String, Long> lastVersion = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int wrong = 0;
        for (TopicReader.Event e : events) {
            if (!seen.add(e.cloudEvent().path("id").asText())) {
                continue; // a duplicate of an event already counted
            }
            long version = e.data().path("version").asLong();
            Long previous = lastVersion.put(e.key(), version);
            if (previous != null && previous >= version) {
                wrong++;
            }
        }
        return wrong;
    }

    private void expiringRecordsWithBothInstancesAlive() throws Exception {
        for (String name : scaled.instanceNames("competence")) {
            if (!isAlive(name)) {
                long started = System.nanoTime();
                scaled.startProcess(name);
                scaled.awaitReady(name);
                System.out.printf("Scale-out: %s restarted and ready in %d ms%n", name, millisSince(started));
            }
        }
        Tenant vest = TENANTS.get(0);
        String unit = "Utloper-" + Scenario.tag();
        for (int i = 0; i < EXPIRING; i++) {
            String employee = createEmployee(scaled, vest, unit, "E" + i);
            Answer record = send(scaled, vest.hr(), "POST", "/api/v1/competence/records", json("employeeId", employee,
                    "competenceCode", COMPETENCE, "acquiredOn", today.minusYears(2).plusDays(5).toString(),
                    "validUntil", today.plusDays(5).toString()), UUID.randomUUID().toString());
            assertThat(record.status()).isEqualTo(201);
            expiringRecords.add(record.body().path("id").asText());
        }
    }

    // ---- 3. scheduled jobs run once across instances ----

    @Test
    @Order(3)
    void expiryJobAnnouncesEachExpiringRecordOnceWithTwoInstancesAlive() throws IOException {
        assertThat(expiringRecords).as("registered after the drill").hasSize(EXPIRING);
        Set<String> recordIds = Set.copyOf(expiringRecords);
        // Both instances' schedulers fire every minute at second 0; one run announces each record (7-day
        // threshold). The reader drains the topic after the last match, so a second announcement would show.
        List<TopicReader.Event> expiring = TopicReader.await(scaled.bootstrapServers(), "torn.helse-vest.competence.v1",
                e -> e.type().equals("no.torn.competence.record-expiring.v1")
                        && recordIds.contains(e.data().path("recordId").asText()), EXPIRING, DELIVERY);
        Map<String, Long> perRecord = expiring.stream().collect(Collectors.groupingBy(
                e -> e.data().path("recordId").asText(), Collectors.counting()));
        for (String name : scaled.instanceNames("competence")) {
            assertThat(isAlive(name)).as(name + " alive through the runs").isTrue();
        }
        assertThat(perRecord.keySet()).containsExactlyInAnyOrderElementsOf(recordIds);
        assertThat(perRecord.values()).as("announcements per record").containsOnly(1L);
        Map<String, Long> runs = new LinkedHashMap<>();
        for (String name : scaled.instanceNames("competence")) {
            Path log = Path.of("target", "platform-scaled", name + ".log");
            runs.put(name, Files.exists(log) ? Files.readAllLines(log).stream()
                    .filter(l -> l.contains("Expiry run:") && l.contains("expiring notices")).count() : 0);
        }
        System.out.printf("Scale-out jobs: %d expiring records, %d record-expiring events, each record announced "
                        + "once with %d competence instances alive (announcing runs per instance: %s); lapse and "
                        + "retention once-only: LapseJobInstancesTest, RetentionTest, SingleRunTest%n", EXPIRING,
                expiring.size(), INSTANCES, runs);
    }

    private static boolean isAlive(String name) {
        try {
            return ProcessHandle.of(scaled.pid(name)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IllegalStateException notRunning) {
            return false;
        }
    }

    // ---- requests ----

    record Answer(int status, JsonNode body) {
    }

    private String createEmployee(Platform platform, Tenant tenant, String unit, String number) throws Exception {
        Answer answer = send(platform, tenant.hr(), "POST", "/api/v1/competence/employees", json("hf", tenant.hf(),
                "unit", unit, "employeeNumber", unit + "-" + number, "name", "Maalt " + number,
                "personnelGroup", GROUP), UUID.randomUUID().toString());
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().path("id").asText();
    }

    private static int coverageEmployees(Platform platform, Tenant tenant, String unit) throws Exception {
        Answer answer = send(platform, tenant.admin(), "GET", "/api/v1/coverage?hf=" + tenant.hf() + "&unit="
                + unit + "&size=1", null, null);
        return answer.status() == 200 ? answer.body().path("employees").asInt() : -1;
    }

    /** A request as a client sends it through the gateway; a lost connection answers status 0. */
    private static Answer trySend(Platform platform, String user, String method, String path, Object body,
                                  String idempotencyKey) {
        try {
            return send(platform, user, method, path, body, idempotencyKey);
        } catch (IOException lost) {
            return new Answer(0, MissingNode.getInstance());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(Platform platform, String user, String method, String path, Object body,
                               String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", TestTokens.bearer(TestTokens.user(user)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Gateway.JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = response.body().isBlank() ? MissingNode.getInstance() : Gateway.JSON.readTree(response.body());
        } catch (IOException notJson) {
            json = MissingNode.getInstance();
        }
        return new Answer(response.statusCode(), json);
    }

    // ---- CPU time from /proc ----

    /** The processes whose CPU time is read, by role; "machine" is every CPU of the host except this JVM's. */
    private static Map<String, List<Long>> pids(Platform platform, int brokers) {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        for (String service : Platform.SERVICES) {
            pids.put(service, platform.instanceNames(service).stream().map(platform::pid).toList());
        }
        pids.put("gateway", List.of(platform.pid("gateway")));
        pids.put("kafka", brokers == 1 ? List.of(platform.kafka().pid())
                : platform.cluster().nodes().stream().map(KafkaBroker::pid).toList());
        return pids;
    }

    /** CPU seconds (user + system) per role at one moment, in clock ticks. */
    record Cpu(Map<String, Long> ticks, long nanos) {

        static Cpu read(Map<String, List<Long>> pids) {
            Map<String, Long> ticks = new LinkedHashMap<>();
            pids.forEach((role, list) -> ticks.put(role, list.stream().mapToLong(Cpu::processTicks).sum()));
            ticks.put("machine", machineTicks() - processTicks(ProcessHandle.current().pid()));
            return new Cpu(ticks, System.nanoTime());
        }

        Cpu minus(Cpu earlier) {
            Map<String, Long> delta = new LinkedHashMap<>();
            ticks.forEach((role, t) -> delta.put(role, t - earlier.ticks().getOrDefault(role, 0L)));
            return new Cpu(delta, nanos - earlier.nanos());
        }

        /** Milliseconds of CPU per operation for a role, less what the role burns idle in the same time. */
        double perOp(String role, Cpu idle, int operations) {
            double busy = ticks.getOrDefault(role, 0L) * 1000.0 / TICKS_PER_SECOND;
            double idleRate = idle.ticks().getOrDefault(role, 0L) * 1000.0 / TICKS_PER_SECOND / idle.nanos();
            return Math.max(0, busy - idleRate * nanos) / operations;
        }

        private static long processTicks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // After the command: state is field 3, utime field 14 and stime field 15 of the whole line.
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static long machineTicks() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < cpu.length; i++) {
                    if (i != 4 && i != 5) { // idle and iowait
                        busy += Long.parseLong(cpu[i]);
                    }
                }
                return busy;
            } catch (IOException e) {
                return 0;
            }
        }
    }

    // ---- helpers ----

    private static long percentile(List<Long> values, double fraction) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

}
