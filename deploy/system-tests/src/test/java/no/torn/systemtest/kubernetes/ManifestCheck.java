package no.torn.systemtest.kubernetes;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a rendered object as strictly as the API server would reject it, or stricter: built-in kinds and Strimzi
 * resources are read into their typed models (fabric8 kubernetes-model, io.strimzi:api) with unknown fields refused;
 * CloudNativePG resources are checked against CloudNativePG's published CRDs ({@link CrdCheck}); Keycloak operator
 * resources, whose CRDs are published in no package registry, against the schemas in
 * src/test/resources/kubernetes/schemas.
 */
final class ManifestCheck {

    /** Both models keep unknown fields in an "additionalProperties" map (an any-setter); without it they fail. */
    static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                        BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    private static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    private static final Map<String, String> SCHEMAS = Map.of(
            "k8s.keycloak.org/v2alpha1/Keycloak", "keycloak.yaml",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "keycloak-realm-import.yaml");

    private static final String SCHEMA_BASE = "https://torn.example/schemas/";
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(SCHEMA_BASE, "classpath:kubernetes/schemas/")));

    private ManifestCheck() {
    }

    static String type(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static String describe(JsonNode object) {
        return type(object) + " " + object.path("metadata").path("name").asText();
    }

    /** What is wrong with the objects; empty when each is a known kind whose every field its model or schema knows. */
    static List<String> problems(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>(CrdCheck.problems(objects));
        objects.stream().filter(o -> !CrdCheck.TYPES.contains(type(o))).forEach(o -> problems.addAll(problems(o)));
        return problems;
    }

    /** What is wrong with an object of a kind with a Java model or a local schema. */
    private static List<String> problems(JsonNode object) {
        String type = type(object);
        Class<?> model = TYPED.get(type);
        if (model != null) {
            try {
                STRICT.treeToValue(object, model);
                return List.of();
            } catch (Exception e) {
                return List.of(describe(object) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        String schemaFile = SCHEMAS.get(type);
        if (schemaFile != null) {
            JsonSchema schema = SCHEMA_FACTORY.getSchema(SchemaLocation.of(SCHEMA_BASE + schemaFile));
            Set<ValidationMessage> errors = schema.validate(object);
            return errors.stream().map(m -> describe(object) + ": " + m.getMessage()).sorted().toList();
        }
        return List.of(describe(object) + ": no model or schema for this kind");
    }

    static <T> T read(JsonNode object, Class<T> model) {
        try {
            return STRICT.treeToValue(object, model);
        } catch (Exception e) {
            throw new AssertionError(describe(object) + ": " + e.getMessage(), e);
        }
    }
}
