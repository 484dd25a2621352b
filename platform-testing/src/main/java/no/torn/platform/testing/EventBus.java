package no.torn.platform.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How clients reach a test broker: SASL OAUTHBEARER with a Keycloak client's credentials (client credentials grant),
 * as the services and HR integrations do in production. The demo realm's client secrets are {@code <client>-secret}.
 * Test code that talks to Kafka asks here for its settings ({@link #clientConfig(String)}), so no test can connect
 * without a token by accident.
 */
public final class EventBus {

    /** Kafka (4.x) calls only the token and JWKS URLs listed in this system property. */
    public static final String ALLOWED_URLS = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
    /** The scopes of the topic layout (deploy/kafka/event-bus.conf): each RHF, and national records. */
    public static final List<String> SCOPES = List.of("helse-nord", "helse-midt", "helse-vest", "helse-sor-ost",
            "national");
    /** Super user of the event bus: creates topics and ACLs; tests observe topics as it. */
    public static final String ADMIN = "torn-kafka-admin";

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Map<String, EventBus> BY_BOOTSTRAP = new ConcurrentHashMap<>();

    private final String bootstrapServers;
    private final String realmUrl;

    EventBus(String bootstrapServers, String realmUrl) {
        this.bootstrapServers = bootstrapServers;
        this.realmUrl = realmUrl;
        allowUrls(realmUrl);
    }

    static void register(EventBus bus) {
        BY_BOOTSTRAP.put(bus.bootstrapServers, bus);
    }

    /**
     * A broker this JVM did not start (e.g. the one {@code deploy/local/up.sh} runs) whose clients authenticate
     * against {@code realmUrl}; {@link #of} finds it afterwards.
     */
    public static EventBus external(String bootstrapServers, String realmUrl) {
        return BY_BOOTSTRAP.computeIfAbsent(bootstrapServers, b -> new EventBus(b, realmUrl));
    }

    /** The bus of a broker started in this JVM, or made known with {@link #external}. */
    public static EventBus of(String bootstrapServers) {
        EventBus bus = BY_BOOTSTRAP.get(bootstrapServers);
        if (bus == null) {
            throw new IllegalStateException("No broker started here at " + bootstrapServers);
        }
        return bus;
    }

    public static String secretOf(String clientId) {
        return clientId + "-secret";
    }

    /** Lets this JVM's Kafka clients call the realm's token endpoint (added to what is already allowed). */
    public static synchronized void allowUrls(String realmUrl) {
        String mine = tokenUrl(realmUrl) + "," + jwksUrl(realmUrl);
        String current = System.getProperty(ALLOWED_URLS);
        if (current == null || current.isBlank()) {
            System.setProperty(ALLOWED_URLS, mine);
        } else if (!current.contains(tokenUrl(realmUrl))) {
            System.setProperty(ALLOWED_URLS, current + "," + mine);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String realmUrl() {
        return realmUrl;
    }

    public String tokenUrl() {
        return tokenUrl(realmUrl);
    }

    /** The value of {@link #ALLOWED_URLS} for a JVM that talks to this bus. */
    public String allowedUrls() {
        return tokenUrl(realmUrl) + "," + jwksUrl(realmUrl);
    }

    /** Producer/consumer/admin settings for {@code clientId} with the demo realm's secret. */
    public Map<String, Object> clientConfig(String clientId) {
        return clientConfig(clientId, secretOf(clientId));
    }

    public Map<String, Object> clientConfig(String clientId, String secret) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(security(realmUrl, clientId, secret));
        return config;
    }

    /** Settings of a String-keyed, String-valued producer connecting as {@code clientId}. */
    public Map<String, Object> producerConfig(String clientId) {
        Map<String, Object> config = clientConfig(clientId);
        config.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        config.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
        return config;
    }

    /** A topic template (e.g. {@code torn.{rhf}.grants.v1}) for every scope: where to look for any of its events. */
    public static List<String> everyScope(String template) {
        return SCOPES.stream().map(scope -> template.replace("{rhf}", scope)).toList();
    }

    /**
     * The topic a test's CloudEvent goes to, as the producing service's outbox would choose it: {@code template}
     * (e.g. {@code torn.{rhf}.competence.v1}) with the event's {@code rhf}, {@code national} when it has none.
     */
    public static String topicOf(String template, String cloudEventJson) {
        String rhf;
        try {
            rhf = JSON.readTree(cloudEventJson).path("rhf").asText("");
        } catch (Exception notJson) {
            rhf = "";
        }
        return template.replace("{rhf}", rhf.isBlank() || rhf.equals("null") ? "national" : rhf);
    }

    public Map<String, Object> adminConfig() {
        return clientConfig(ADMIN);
    }

    /**
     * The Quarkus configuration (kafka.* keys) that makes a service connect as {@code clientId}: what
     * application.properties expects from the environment in production.
     */
    public Map<String, String> serviceConfig(String clientId) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", bootstrapServers);
        config.put("torn.kafka.token-url", tokenUrl());
        config.put("torn.kafka.client-id", clientId);
        config.put("torn.kafka.client-secret", secretOf(clientId));
        return config;
    }

    static Map<String, String> security(String realmUrl, String clientId, String secret) {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "OAUTHBEARER",
                "sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                "sasl.oauthbearer.token.endpoint.url", tokenUrl(realmUrl),
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;",
                "sasl.oauthbearer.client.credentials.client.id", clientId,
                "sasl.oauthbearer.client.credentials.client.secret", secret);
    }

    /**
     * Creates the plan's topics and ACLs (deploy/kafka/event-bus.conf), and {@code extraTopics} ({rhf} standing for
     * every scope), with the same program up.sh runs; it returns once the broker answers and has applied them.
     */
    void applyPlan(Path workDir, List<String> extraTopics) {
        Path root = ProjectPaths.root();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-D" + ALLOWED_URLS + "=" + allowedUrls(),
                "-Dtorn.brokers=" + bootstrapServers.split(",").length,
                "-cp", System.getProperty("java.class.path"),
                root.resolve("deploy/kafka/EventBusSetup.java").toString(),
                bootstrapServers, realmUrl, root.resolve("deploy/kafka/event-bus.conf").toString()));
        try {
            if (!extraTopics.isEmpty()) {
                Path extra = workDir.resolve("extra-topics.conf");
                List<String> lines = new java.util.ArrayList<>(
                        List.of("scopes " + String.join(" ", SCOPES)));
                extraTopics.forEach(t -> lines.add("topic " + t.replace("{rhf}", "{scope}")));
                java.nio.file.Files.write(extra, lines);
                command.add(extra.toString());
            }
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("event-bus-setup.log").toFile()))
                    .start();
            if (!p.waitFor(3, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("Event bus set-up failed; see "
                        + workDir.resolve("event-bus-setup.log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Event bus set-up failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tokenUrl(String realmUrl) {
        return realmUrl + "/protocol/openid-connect/token";
    }

    private static String jwksUrl(String realmUrl) {
        return realmUrl + "/protocol/openid-connect/certs";
    }
}
