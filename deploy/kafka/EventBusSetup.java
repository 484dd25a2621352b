import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Applies the event bus plan (deploy/kafka/event-bus.conf) to a running cluster: creates the missing topics and the
 * ACLs, as the admin client torn-kafka-admin. Idempotent: existing topics and ACLs are left as they are.
 * <p>
 * Run with the Kafka client jars on the class path (single-file source program, no build needed):
 * <pre>
 * java -cp "kafka-libs/*" -Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=REALM/protocol/openid-connect/token \
 *     deploy/kafka/EventBusSetup.java BOOTSTRAP REALM_URL deploy/kafka/event-bus.conf
 * </pre>
 * Further plan files may follow (their lines are read after the first's). Waits up to a minute for the cluster to
 * answer, so it doubles as the readiness check of a freshly started broker.
 * The admin secret comes from the environment variable TORN_KAFKA_ADMIN_SECRET (default: the demo realm's).
 * Replication follows the cluster: 3 replicas and min.insync.replicas 2 from three brokers on, else one per broker.
 */
public final class EventBusSetup {

    record Acl(String principal, ResourceType type, String name, PatternType pattern, List<AclOperation> operations) {
    }

    record Plan(Set<String> topics, List<Acl> acls) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: EventBusSetup <bootstrap servers> <realm url> <plan file> [more plan files]");
            System.exit(2);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            lines.addAll(Files.readAllLines(Path.of(args[i])));
        }
        Plan plan = parse(lines);
        String secret = System.getenv().getOrDefault("TORN_KAFKA_ADMIN_SECRET", "torn-kafka-admin-secret");
        try (Admin admin = Admin.create(adminConfig(args[0], args[1], "torn-kafka-admin", secret))) {
            int brokers = awaitCluster(admin);
            short replication = (short) Math.min(3, brokers);
            String minInsync = String.valueOf(replication >= 3 ? 2 : 1);
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : plan.topics()) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, 3, replication).configs(Map.of("min.insync.replicas", minInsync)));
                }
            }
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            List<AclBinding> bindings = new ArrayList<>();
            for (Acl acl : plan.acls()) {
                for (AclOperation operation : acl.operations()) {
                    bindings.add(new AclBinding(new ResourcePattern(acl.type(), acl.name(), acl.pattern()),
                            new AccessControlEntry("User:" + acl.principal(), "*", operation,
                                    AclPermissionType.ALLOW)));
                }
            }
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
            // The controller has committed them; wait until the broker's authorizer applies them too, so clients
            // started right after this program see the rights the plan gives them.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).size() < bindings.size()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The broker did not apply the ACLs within 60 s");
                }
                Thread.sleep(100);
            }
            System.out.printf("event bus: %d topics (%d created, replication %d), %d ACLs%n", plan.topics().size(),
                    missing.size(), replication, bindings.size());
        }
    }

    /**
     * The number of brokers, once the cluster answers an authenticated request with at least as many as the system
     * property {@code torn.brokers} expects (default 1; up to a minute after start).
     */
    private static int awaitCluster(Admin admin) throws Exception {
        int expected = Integer.getInteger("torn.brokers", 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                int brokers = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).size();
                if (brokers >= expected || System.nanoTime() > deadline) {
                    return brokers;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            Thread.sleep(200);
        }
    }

    static Map<String, Object> adminConfig(String bootstrap, String realmUrl, String clientId, String secret) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "OAUTHBEARER");
        config.put("sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        config.put("sasl.oauthbearer.token.endpoint.url", realmUrl + "/protocol/openid-connect/token");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        config.put("sasl.oauthbearer.client.credentials.client.id", clientId);
        config.put("sasl.oauthbearer.client.credentials.client.secret", secret);
        return config;
    }

    static Plan parse(List<String> lines) {
        List<String> scopes = List.of();
        Set<String> topics = new LinkedHashSet<>();
        List<Acl> acls = new ArrayList<>();
        int number = 0;
        for (String raw : lines) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            switch (words[0]) {
                case "scopes" -> scopes = List.of(words).subList(1, words.length);
                case "topic" -> topics.addAll(expand(words[1], scopes));
                case "allow" -> {
                    if (words.length != 5) {
                        throw new IllegalArgumentException("line " + number + ": allow <principal> <topic|group> <name> <operations>");
                    }
                    ResourceType type = ResourceType.valueOf(words[2].toUpperCase(Locale.ROOT));
                    List<AclOperation> operations = new ArrayList<>();
                    for (String op : words[4].split(",")) {
                        operations.add(AclOperation.valueOf(op.toUpperCase(Locale.ROOT)));
                    }
                    // One ACL per RHF when the principal names {rhf}; {scope} within the name expands to every scope.
                    List<String> rhfs = words[1].contains("{rhf}") || words[3].contains("{rhf}")
                            ? scopes.stream().filter(s -> !s.equals("national")).toList() : List.of("");
                    for (String rhf : rhfs) {
                        String principal = words[1].replace("{rhf}", rhf);
                        for (String name : expand(words[3].replace("{rhf}", rhf), scopes)) {
                            boolean prefixed = name.endsWith("*");
                            acls.add(new Acl(principal, type, prefixed ? name.substring(0, name.length() - 1) : name,
                                    prefixed ? PatternType.PREFIXED : PatternType.LITERAL, operations));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("line " + number + ": unknown directive " + words[0]);
            }
        }
        return new Plan(topics, acls);
    }

    private static List<String> expand(String name, List<String> scopes) {
        return name.contains("{scope}") ? scopes.stream().map(s -> name.replace("{scope}", s)).toList() : List.of(name);
    }
}
