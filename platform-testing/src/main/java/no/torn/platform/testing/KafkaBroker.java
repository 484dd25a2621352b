package no.torn.platform.testing;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker in a child JVM, started from the Kafka jars on the test classpath with the
 * platform's broker configuration (deploy/kafka/broker.properties: SASL OAUTHBEARER against the given Keycloak realm,
 * ACLs) and the event bus plan applied (deploy/kafka/event-bus.conf). Being a separate process, it can be stopped and
 * restarted on the same port and log directory to drill outages.
 */
public final class KafkaBroker {

    private final int port;
    private final int controllerPort = FreePort.find();
    private final Path dir;
    private final Path config;
    private final EventBus bus;
    private List<String> extraTopics = List.of();
    private Process process;
    /** Set when this broker is one node of a {@link KafkaCluster}, which formats, plans and addresses it. */
    private Membership membership;

    /** A node's place in a cluster: its id, the controller quorum, the shared cluster id and the replication. */
    record Membership(int nodeId, String voters, String clusterId, int replication, int minInsync) {
    }

    public KafkaBroker(Path dir, String realmUrl) {
        this.port = FreePort.find();
        this.dir = dir;
        this.config = dir.resolve("server.properties");
        this.bus = new EventBus(bootstrapServers(), realmUrl);
        EventBus.register(bus);
    }

    /** A node of a cluster; the cluster starts it and applies the plan once for all nodes. */
    KafkaBroker(Path dir, EventBus clusterBus, int port) {
        this.port = port;
        this.dir = dir;
        this.config = dir.resolve("server.properties");
        this.bus = clusterBus;
    }

    void joinCluster(Membership membership) {
        this.membership = membership;
    }

    int controllerPort() {
        return controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Topics beyond the platform's plan ({rhf} for every scope), created at start; for tests of mechanisms. */
    public KafkaBroker withExtraTopics(List<String> topics) {
        this.extraTopics = List.copyOf(topics);
        return this;
    }

    /** Client settings for this broker: who connects as which Keycloak client. */
    public EventBus bus() {
        return bus;
    }

    public synchronized void start() {
        try {
            if (!Files.exists(config)) {
                format();
            }
            process = java("kafka.Kafka", config.toString()).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    dir.resolve("broker.log").toFile())).redirectErrorStream(true).start();
            awaitPort(Duration.ofSeconds(60));
            if (membership == null) {
                // The set-up program waits until the broker answers, then creates what is missing (idempotent).
                bus.applyPlan(dir, extraTopics);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Kafka broker did not start", e);
        }
    }

    /** Stops the broker abruptly (SIGKILL), as a crash or network loss would look to clients. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** The broker's operating-system process id (e.g. to read its CPU time from /proc), -1 when it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void format() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        String properties = Files.readString(ProjectPaths.root().resolve("deploy/kafka/broker.properties"))
                .replace("${NODE_ID}", membership == null ? "1" : String.valueOf(membership.nodeId()))
                .replace("${VOTERS}", membership == null ? "1@127.0.0.1:" + controllerPort : membership.voters())
                .replace("${PORT}", String.valueOf(port))
                .replace("${CONTROLLER_PORT}", String.valueOf(controllerPort))
                .replace("${REALM_URL}", bus.realmUrl())
                .replace("${BROKER_SECRET}", EventBus.secretOf("torn-kafka-broker"))
                .replace("${LOG_DIR}", dir.resolve("data").toString())
                .replace("${REPLICATION}", membership == null ? "1" : String.valueOf(membership.replication()))
                .replace("${MIN_ISR}", membership == null ? "1" : String.valueOf(membership.minInsync()));
        Files.writeString(config, properties);
        String clusterId = membership == null ? Uuid.randomUuid().toString() : membership.clusterId();
        Process formatter = java("kafka.tools.StorageTool", "format", "-t", clusterId,
                "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("format.log").toFile())).start();
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                throw new IllegalStateException("Formatting Kafka storage failed; see " + dir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms64m");
        command.add("-Xmx512m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-D" + EventBus.ALLOWED_URLS + "=" + bus.allowedUrls());
        command.add("-cp");
        command.add(kafkaClasspath());
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile());
    }

    /**
     * The Kafka distribution's jars in .cache/ (fetched on first use, as up.sh runs the broker), not the test
     * classpath: there the broker would log through the test's JBoss LogManager and its log would stay empty.
     * With its own slf4j binding the broker writes its log to broker.log.
     */
    private static String kafkaClasspath() {
        Path libs = ProjectPaths.cache().resolve("kafka-" + AppInfoParser.getVersion()).resolve("libs");
        if (!Files.exists(libs.resolve("kafka_2.13-" + AppInfoParser.getVersion() + ".jar"))) {
            synchronized (KafkaBroker.class) {
                fetchKafka();
            }
        }
        return libs.resolve("*").toString();
    }

    private static void fetchKafka() {
        List<String> command = List.of("bash", ProjectPaths.root().resolve("deploy/local/fetch.sh").toString(),
                "kafka");
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Fetching Kafka failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the broker listens. Readiness itself is checked by the set-up program in a child JVM: Kafka
     * clients created here would load SASL classes through whatever class loader the calling test uses.
     */
    private void awaitPort(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited; see " + dir.resolve("broker.log"));
            }
            if (FreePort.isOpen("127.0.0.1", port)) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka broker not listening within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
