package no.torn.systemtest;

import no.torn.platform.testing.EventBus;
import no.torn.platform.testing.FreePort;
import no.torn.platform.testing.HprRegisterStub;
import no.torn.platform.testing.KafkaBroker;
import no.torn.platform.testing.KafkaCluster;
import no.torn.platform.testing.KeycloakServer;
import no.torn.platform.testing.PostgresResource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as real processes: a database per service on PostgreSQL, a Kafka broker, Keycloak with the
 * realm file, the four services and the gateway from their packaged jars, and the stand-in for the national health
 * personnel register (HPR) that competence-service reconciles with, in this JVM so tests can set its answers.
 * {@link #get()} is started once per test JVM; {@link #scaledOut(int, int)} is a second, separate platform (its own databases, brokers, ports and run
 * directory) with several instances of each domain service behind the gateway and a Kafka cluster, which the test
 * that starts it also stops.
 */
public final class Platform {

    public static final List<String> SERVICES = List.of("competence", "task", "responsibility", "grants");

    /**
     * An already running platform to test instead of starting one (e.g. {@code deploy/local/up.sh --instances 2}):
     * its gateway URL, with {@link #EXTERNAL_KAFKA} and {@code torn.test.keycloak-realm-url} beside it.
     */
    public static final String EXTERNAL_GATEWAY = "torn.test.gateway-url";
    public static final String EXTERNAL_KAFKA = "torn.test.bootstrap-servers";

    private static Platform instance;

    private final Path root;
    private final Path runDir;
    /** Instances of each domain service; with more than one, process names are {@code <service>-<n>}. */
    private final int instances;
    /** Kafka nodes: 1 is a single broker ({@link #kafka()}), more a {@link KafkaCluster}. */
    private final int brokers;
    private final String databasePrefix;
    private KafkaBroker kafka;
    private KafkaCluster cluster;
    private HprRegisterStub hpr;
    private final List<PostgresResource> databases = new ArrayList<>();
    private final Map<String, Map<String, String>> serviceEnv = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    /** Set for a platform this class did not start: it only knows where the gateway and the brokers are. */
    private String externalGateway;
    private String externalKafka;

    private Platform() {
        this("platform", 1, 1, "torn_st_");
    }

    private Platform(String runDirName, int instances, int brokers, String databasePrefix) {
        this.instances = instances;
        this.brokers = brokers;
        this.databasePrefix = databasePrefix;
        root = Path.of(System.getProperty("torn.project.root", "../..")).toAbsolutePath().normalize();
        runDir = Path.of("target", runDirName).toAbsolutePath();
        try {
            Files.createDirectories(runDir);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized Platform get() {
        if (instance == null && System.getProperty(EXTERNAL_GATEWAY) != null) {
            Platform platform = new Platform();
            platform.externalGateway = System.getProperty(EXTERNAL_GATEWAY);
            platform.externalKafka = System.getProperty(EXTERNAL_KAFKA, "127.0.0.1:9092");
            EventBus.external(platform.externalKafka, KeycloakServer.sharedRealmUrl());
            instance = platform;
        }
        if (instance == null) {
            Platform platform = new Platform();
            platform.start();
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop));
            instance = platform;
        }
        return instance;
    }

    /**
     * A separate platform with {@code instances} instances of each domain service (sharing the service's database)
     * behind one gateway, and a Kafka cluster of {@code brokers} nodes. The caller stops it with {@link #stop()}.
     */
    public static Platform scaledOut(int instances, int brokers) {
        Platform platform = new Platform("platform-scaled", instances, brokers, "torn_so_");
        try {
            platform.start();
        } catch (RuntimeException e) {
            platform.stop();
            throw e;
        }
        return platform;
    }

    public String gatewayUrl() {
        if (externalGateway != null) {
            return externalGateway;
        }
        return "http://127.0.0.1:" + ports.get("gateway");
    }

    /** The first instance of a service, or the instance of that process name. */
    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(ports.containsKey(service) ? service : instanceNames(service).get(0));
    }

    public String bootstrapServers() {
        if (externalKafka != null) {
            return externalKafka;
        }
        return bus().bootstrapServers();
    }

    /** The process names of a service's instances: the service's name when it runs once. */
    public List<String> instanceNames(String service) {
        if (instances == 1 || service.equals("gateway")) {
            return List.of(service);
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= instances; i++) {
            names.add(service + "-" + i);
        }
        return names;
    }

    /** The operating-system process id of a running application, e.g. to read its CPU time from /proc. */
    public long pid(String name) {
        Process process = processes.get(name);
        if (process == null) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** The Kafka cluster of a scaled-out platform (null for the single-broker one). */
    public KafkaCluster cluster() {
        return cluster;
    }

    private EventBus bus() {
        return cluster != null ? cluster.bus() : kafka.bus();
    }

    /** The HPR stand-in competence-service asks (empty at start: tests put the people they reconcile). */
    public HprRegisterStub hpr() {
        if (hpr == null) {
            throw new IllegalStateException("the HPR stand-in belongs to a platform the tests start");
        }
        return hpr;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Path root() {
        return root;
    }

    private void start() {
        try {
            // A fresh broker per run: topics left over from an earlier run would mix old events into the checks.
            deleteRecursively(runDir);
            Files.createDirectories(runDir.resolve("kafka"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // The broker checks every client's Keycloak token, so the realm comes first.
        String realm = KeycloakServer.sharedRealmUrl();
        if (brokers == 1) {
            kafka = new KafkaBroker(runDir.resolve("kafka"), realm);
            kafka.start();
        } else {
            cluster = new KafkaCluster(runDir.resolve("kafka"), realm, brokers);
            cluster.start();
        }
        hpr = HprRegisterStub.start(0);
        for (String service : SERVICES) {
            PostgresResource db = new PostgresResource();
            db.init(Map.of("database", databasePrefix + service));
            Map<String, String> datasource = db.start();
            databases.add(db);
            // The instances of a service share its database, as replicas of one deployment do.
            for (String name : instanceNames(service)) {
                int port = FreePort.find();
                ports.put(name, port);
                serviceEnv.put(name, Map.of(
                        "TORN_HPR_URL", hpr.url(),
                        "QUARKUS_HTTP_PORT", String.valueOf(port),
                        "QUARKUS_DATASOURCE_JDBC_URL", datasource.get("quarkus.datasource.jdbc.url"),
                        "QUARKUS_DATASOURCE_USERNAME", datasource.get("quarkus.datasource.username"),
                        "QUARKUS_DATASOURCE_PASSWORD", datasource.get("quarkus.datasource.password"),
                        "KAFKA_BOOTSTRAP_SERVERS", bus().bootstrapServers(),
                        "TORN_KAFKA_TOKEN_URL", bus().tokenUrl(),
                        "QUARKUS_OIDC_AUTH_SERVER_URL", realm));
            }
        }
        int gatewayPort = FreePort.find();
        ports.put("gateway", gatewayPort);
        Map<String, String> gatewayEnv = new LinkedHashMap<>();
        gatewayEnv.put("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort));
        gatewayEnv.put("QUARKUS_OIDC_AUTH_SERVER_URL", realm);
        // Sweeps and drills send hundreds of requests per second from one client; the rate limit has its own tests.
        gatewayEnv.put("TORN_GATEWAY_RATE_LIMIT_ENABLED", "false");
        // A service killed in a drill is back within seconds; do not keep its circuit open for long after that.
        gatewayEnv.put("TORN_GATEWAY_CIRCUIT_OPEN_FOR", "1s");
        gatewayEnv.put("TORN_GATEWAY_DOCS_CACHE_TTL", "1s");
        for (String service : SERVICES) {
            gatewayEnv.put("TORN_UPSTREAM_" + service.toUpperCase() + "_URL", String.join(",",
                    instanceNames(service).stream().map(name -> "http://127.0.0.1:" + ports.get(name)).toList()));
        }
        serviceEnv.put("gateway", gatewayEnv);
        for (String service : serviceEnv.keySet()) {
            startProcess(service);
        }
        for (String service : serviceEnv.keySet()) {
            awaitReady(service);
        }
    }

    /**
     * Starts (or restarts after a kill) one application with the environment it was first given; {@code service} is
     * a process name ({@link #instanceNames(String)}).
     */
    public void startProcess(String service) {
        String base = service.replaceFirst("-\\d+$", "");
        String module = base.equals("gateway") ? "gateway" : base + "-service";
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-D" + EventBus.ALLOWED_URLS + "=" + bus().allowedUrls(), "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(runDir.resolve(service + ".log").toFile()));
        builder.environment().putAll(serviceEnv.get(service));
        try {
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + service, e);
        }
    }

    /** SIGKILL, as a crash would. */
    public void kill(String service) {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void awaitReady(String service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String url = "http://127.0.0.1:" + ports.get(service) + "/q/health/ready";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service + " exited; see " + runDir.resolve(service + ".log"));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(service + " not ready; see " + runDir.resolve(service + ".log"));
    }

    /** Stops every process, the brokers and the databases (the shared Keycloak stays). */
    public void stop() {
        List<String> names = new ArrayList<>(processes.keySet());
        java.util.Collections.reverse(names);
        for (String name : names) {
            Process p = processes.remove(name);
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (cluster != null) {
            cluster.stop();
        }
        databases.forEach(PostgresResource::stop);
        if (hpr != null) {
            hpr.close();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
