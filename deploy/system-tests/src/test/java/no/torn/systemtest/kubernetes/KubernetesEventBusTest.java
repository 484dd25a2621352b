package no.torn.systemtest.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Strimzi topics and users of deploy/kubernetes declare exactly the event bus of deploy/kafka/event-bus.conf, read
 * with the rules written at the top of that file.
 */
class KubernetesEventBusTest {

    /** One ACL: principal, resource type, name, pattern (literal or prefix), operation. */
    record Acl(String principal, String resourceType, String name, String pattern, String operation) {
    }

    record Plan(Set<String> topics, Set<Acl> acls) {
    }

    static Plan eventBusConf() throws IOException {
        List<String> scopes = List.of();
        Set<String> topics = new HashSet<>();
        Set<Acl> acls = new HashSet<>();
        for (String line : Files.readAllLines(Kustomize.repositoryFile("deploy/kafka/event-bus.conf"))) {
            String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            String[] words = content.trim().split("\\s+");
            switch (words[0]) {
                case "" -> { }
                case "scopes" -> scopes = List.of(words).subList(1, words.length);
                case "topic" -> topics.addAll(expandScope(words[1], scopes));
                case "allow" -> {
                    // allow <principal> topic|group <name>[*] <operations>; {rhf}: one ACL per RHF (not national)
                    boolean perRhf = words[1].contains("{rhf}") || words[3].contains("{rhf}");
                    List<String> rhfs = perRhf ? scopes.stream().filter(s -> !s.equals("national")).toList() : List.of("");
                    for (String rhf : rhfs) {
                        for (String name : expandScope(words[3].replace("{rhf}", rhf), scopes)) {
                            boolean prefix = name.endsWith("*");
                            for (String operation : words[4].split(",")) {
                                acls.add(new Acl(words[1].replace("{rhf}", rhf), words[2],
                                        prefix ? name.substring(0, name.length() - 1) : name,
                                        prefix ? "prefix" : "literal", operation.toLowerCase(Locale.ROOT)));
                            }
                        }
                    }
                }
                default -> throw new AssertionError("event-bus.conf: unknown line " + line);
            }
        }
        return new Plan(topics, acls);
    }

    private static List<String> expandScope(String name, List<String> scopes) {
        return name.contains("{scope}") ? scopes.stream().map(s -> name.replace("{scope}", s)).toList() : List.of(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void topicsAreThoseOfTheEventBusReplicatedThreeTimes(String overlay) throws IOException {
        Plan plan = eventBusConf();
        assertThat(plan.topics()).hasSize(30).contains("torn.helse-vest.competence.v1.dlq", "torn.national.grants.v1");

        List<KafkaTopic> topics = Kustomize.ofKind(KubernetesManifestsTest.overlay(overlay), "KafkaTopic").stream()
                .map(o -> ManifestCheck.read(o, KafkaTopic.class)).toList();
        assertThat(topics).extracting(t -> t.getSpec().getTopicName()).containsExactlyInAnyOrderElementsOf(plan.topics());
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "torn-kafka");
            assertThat(topic.getMetadata().getName()).isEqualTo(topic.getSpec().getTopicName());
            assertThat(topic.getSpec().getPartitions()).isEqualTo(3);
            assertThat(topic.getSpec().getReplicas()).isEqualTo(3);
            assertThat(topic.getSpec().getConfig()).containsEntry("min.insync.replicas", 2);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void userAclsAreExactlyThoseOfTheEventBus(String overlay) throws IOException {
        Plan plan = eventBusConf();
        assertThat(plan.acls()).contains(
                new Acl("hr-integration-helse-nord", "topic", "torn.helse-nord.", "prefix", "read"),
                new Acl("hr-integration-helse-nord", "topic", "torn.national.", "prefix", "read"),
                new Acl("torn-task-service", "group", "task-service", "prefix", "read"),
                new Acl("torn-grants-service", "topic", "torn.helse-sor-ost.grants.v1", "literal", "write"));

        List<JsonNode> objects = KubernetesManifestsTest.overlay(overlay);
        Set<Acl> declared = new HashSet<>();
        List<Acl> all = new ArrayList<>();
        for (JsonNode object : Kustomize.ofKind(objects, "KafkaUser")) {
            KafkaUser user = ManifestCheck.read(object, KafkaUser.class);
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "torn-kafka");
            // principals log in with OAuth (Keycloak client credentials); the KafkaUser carries only the ACLs
            assertThat(user.getSpec().getAuthentication()).as(user.getMetadata().getName()).isNull();
            KafkaUserAuthorizationSimple authorization = (KafkaUserAuthorizationSimple) user.getSpec().getAuthorization();
            for (AclRule rule : authorization.getAcls()) {
                assertThat(rule.getType()).isNotEqualTo(io.strimzi.api.kafka.model.user.acl.AclRuleType.DENY);
                String type;
                String name;
                AclResourcePatternType pattern;
                if (rule.getResource() instanceof AclRuleTopicResource topic) {
                    type = "topic";
                    name = topic.getName();
                    pattern = topic.getPatternType();
                } else if (rule.getResource() instanceof AclRuleGroupResource group) {
                    type = "group";
                    name = group.getName();
                    pattern = group.getPatternType();
                } else {
                    throw new AssertionError(user.getMetadata().getName() + ": unexpected resource " + rule.getResource());
                }
                for (AclOperation operation : rule.getOperations()) {
                    Acl acl = new Acl(user.getMetadata().getName(), type, name, pattern.toValue(),
                            operation.toValue().toLowerCase(Locale.ROOT));
                    declared.add(acl);
                    all.add(acl);
                }
            }
        }
        assertThat(all).as("no ACL twice").doesNotHaveDuplicates();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(plan.acls());
    }
}
