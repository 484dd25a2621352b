package no.torn.systemtest.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationOAuth;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes deployment (deploy/kubernetes), checked without a cluster: every overlay renders with kubectl's
 * kustomize, every rendered object is a known kind whose every field its model or schema knows, and the objects say
 * what the platform needs (probes, limits, non-root, autoscaling, network isolation, Kafka security, the realm).
 */
class KubernetesManifestsTest {

    static final List<String> APPS = List.of("gateway", "competence-service", "task-service", "responsibility-service",
            "grants-service");
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    static List<JsonNode> overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> Kustomize.render(Kustomize.deployment().resolve("overlays/" + n)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyRenderedObjectIsAKnownKindWithOnlyKnownFields(String name) {
        List<JsonNode> objects = overlay(name);
        assertThat(ManifestCheck.problems(objects)).as("objects of overlay %s", name).isEmpty();
        assertThat(objects).allSatisfy(o -> {
            if (!o.path("kind").asText().equals("Namespace")) {
                assertThat(o.path("metadata").path("namespace").asText()).as(ManifestCheck.describe(o)).isEqualTo("torn");
            }
        });
        assertThat(objects.stream().map(ManifestCheck::type).distinct()).contains("apps/v1/Deployment",
                "kafka.strimzi.io/v1beta2/Kafka", "postgresql.cnpg.io/v1/Cluster", "k8s.keycloak.org/v2alpha1/Keycloak");
    }

    @Test
    void aMisspelledFieldFailsTheCheck(@TempDir Path copy) throws IOException {
        copyTree(Kustomize.deployment().resolve("base"), copy.resolve("base"));
        copyTree(Kustomize.deployment().resolve("overlays"), copy.resolve("overlays"));
        misspell(copy.resolve("base/apps/task-service.yaml"), "  replicas: 1\n", "  replica: 1\n");
        misspell(copy.resolve("base/kafka/kafka.yaml"), "userNameClaim: azp", "usernameClaim: azp");
        misspell(copy.resolve("base/postgres/cluster.yaml"), "  instances: 3\n", "  instance: 3\n");
        misspell(copy.resolve("base/keycloak/keycloak.yaml"), "backchannelDynamic:", "backChannelDynamic:");

        List<String> problems = ManifestCheck.problems(Kustomize.render(copy.resolve("overlays/local")));

        assertThat(problems).hasSize(4);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("apps/v1/Deployment task-service").contains("\"replica\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("kafka.strimzi.io/v1beta2/Kafka torn-kafka")
                .contains("\"usernameClaim\""));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("postgresql.cnpg.io/v1/Cluster torn-postgres")
                .contains("spec.instance: unknown field"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("k8s.keycloak.org/v2alpha1/Keycloak torn-keycloak")
                .contains("backChannelDynamic"));
    }

    @Test
    void anUnknownKindFailsTheCheck() throws IOException {
        JsonNode object = Kustomize.YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Pooler
                metadata: {name: torn-pooler}
                spec: {cluster: {name: torn-postgres}}
                """);
        assertThat(ManifestCheck.problems(List.of(object))).containsExactly(
                "postgresql.cnpg.io/v1/Pooler torn-pooler: no model or schema for this kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyApplicationIsProbedLimitedNonRootAutoscaledAndConfiguredByReference(String name) {
        List<JsonNode> objects = overlay(name);
        for (String app : APPS) {
            Deployment deployment = ManifestCheck.read(Kustomize.named(objects, "Deployment", app), Deployment.class);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertThat(container.getImage()).isEqualTo("torn/" + app + ":1.0.0");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
            assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
            assertThat(container.getEnvFrom()).anySatisfy(e -> assertThat(e.getConfigMapRef().getName()).isEqualTo("torn-platform"));
            // Secrets only by reference: no literal password or client secret in the pod spec
            for (EnvVar env : container.getEnv()) {
                if (env.getName().contains("PASSWORD") || env.getName().contains("SECRET")) {
                    assertThat(env.getValue()).as(app + " " + env.getName()).isNull();
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isNotBlank();
                }
            }
            if (!app.equals("gateway")) {
                assertThat(container.getEnv()).extracting(EnvVar::getName).contains("QUARKUS_DATASOURCE_JDBC_URL",
                        "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "TORN_KAFKA_CLIENT_SECRET");
            }

            HorizontalPodAutoscaler hpa = ManifestCheck.read(Kustomize.named(objects, "HorizontalPodAutoscaler", app),
                    HorizontalPodAutoscaler.class);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(app);
            PodDisruptionBudget pdb = ManifestCheck.read(Kustomize.named(objects, "PodDisruptionBudget", app),
                    PodDisruptionBudget.class);
            assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(Kustomize.named(objects, "Service", app).path("spec").path("selector").path("app.kubernetes.io/name")
                    .asText()).isEqualTo(app);

            if (name.equals("local")) {
                assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
                assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(1);
            } else {
                assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(3);
                assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
                assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(10);
            }
        }
        if (name.equals("production")) {
            assertThat(Kustomize.ofKind(objects, "Secret")).as("production Secrets are created outside the repository").isEmpty();
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndServicesOnlyFromTheGateway() {
        List<NetworkPolicy> policies = Kustomize.ofKind(overlay("production"), "NetworkPolicy").stream()
                .map(o -> ManifestCheck.read(o, NetworkPolicy.class)).toList();

        NetworkPolicy deny = policies.stream().filter(p -> p.getMetadata().getName().equals("default-deny-ingress"))
                .findFirst().orElseThrow();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();

        // A rule without "from" admits any source: only the gateway (8080) and Keycloak (token endpoint) have one.
        for (NetworkPolicy policy : policies) {
            for (NetworkPolicyIngressRule rule : Objects.requireNonNullElse(policy.getSpec().getIngress(),
                    List.<NetworkPolicyIngressRule>of())) {
                if (rule.getFrom() == null || rule.getFrom().isEmpty()) {
                    Map<String, String> selected = policy.getSpec().getPodSelector().getMatchLabels();
                    assertThat(selected).as(policy.getMetadata().getName()).satisfiesAnyOf(
                            s -> assertThat(s).containsEntry("app.kubernetes.io/name", "gateway"),
                            s -> assertThat(s).containsEntry("app.kubernetes.io/instance", "torn-keycloak"));
                }
            }
        }
        NetworkPolicy gateway = policies.stream().filter(p -> p.getMetadata().getName().equals("gateway-from-anywhere"))
                .findFirst().orElseThrow();
        assertThat(gateway.getSpec().getIngress().get(0).getPorts().get(0).getPort().getIntVal()).isEqualTo(8080);

        NetworkPolicy services = policies.stream()
                .filter(p -> p.getMetadata().getName().equals("services-from-gateway-and-scraper")).findFirst().orElseThrow();
        assertThat(services.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/component", "service");
        List<NetworkPolicyPeer> sources = services.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream()).toList();
        assertThat(sources).allSatisfy(peer -> assertThat(peer).satisfiesAnyOf(
                p -> assertThat(p.getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "gateway")),
                p -> assertThat(p.getNamespaceSelector().getMatchLabels())
                        .containsExactly(Map.entry("kubernetes.io/metadata.name", "monitoring"))));
        // every domain service carries the label the policy selects, the gateway does not
        for (String app : APPS) {
            String component = Kustomize.named(overlay("production"), "Deployment", app).path("spec").path("template")
                    .path("metadata").path("labels").path("app.kubernetes.io/component").asText();
            assertThat(component).as(app).isEqualTo(app.equals("gateway") ? "gateway" : "service");
        }
    }

    // Strimzi 0.51 deprecates the listener authentication type oauth (1.x configures OAuth as type custom); this is the
    // Strimzi line whose model matches the Kubernetes model of the Quarkus platform.
    @SuppressWarnings("deprecation")
    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void kafkaIsKraftWithThreeReplicatedNodesOAuthAndSimpleAuthorization(String name) {
        List<JsonNode> objects = overlay(name);
        Kafka kafka = ManifestCheck.read(Kustomize.named(objects, "Kafka", "torn-kafka"), Kafka.class);
        assertThat(kafka.getMetadata().getAnnotations()).containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        KafkaNodePool pool = ManifestCheck.read(Kustomize.ofKind(objects, "KafkaNodePool").get(0), KafkaNodePool.class);
        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "torn-kafka");
        assertThat(pool.getSpec().getReplicas()).isEqualTo(3);
        assertThat(pool.getSpec().getRoles()).containsExactlyInAnyOrder(ProcessRoles.BROKER, ProcessRoles.CONTROLLER);
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3).containsEntry("auto.create.topics.enable", false);

        KafkaAuthorizationSimple authorization = (KafkaAuthorizationSimple) kafka.getSpec().getKafka().getAuthorization();
        assertThat(authorization.getSuperUsers()).containsExactlyInAnyOrder("torn-kafka-broker", "torn-kafka-admin");
        assertThat(kafka.getSpec().getKafka().getListeners()).isNotEmpty().allSatisfy(listener -> {
            KafkaListenerAuthenticationOAuth oauth = (KafkaListenerAuthenticationOAuth) listener.getAuth();
            assertThat(oauth.getUserNameClaim()).isEqualTo("azp");
            assertThat(oauth.isCheckAudience()).isTrue();
            assertThat(oauth.getClientId()).isEqualTo("torn-kafka");
            assertThat(oauth.getJwksEndpointUri()).isEqualTo(oauth.getValidIssuerUri() + "/protocol/openid-connect/certs");
            assertThat(oauth.getValidIssuerUri()).endsWith("/realms/torn");
            if (name.equals("production")) {
                assertThat(listener.isTls()).as(listener.getName()).isTrue();
                assertThat(oauth.getValidIssuerUri()).startsWith("https://");
            }
        });
        if (name.equals("production")) {
            assertThat(kafka.getSpec().getKafka().getListeners()).extracting(GenericKafkaListener::getName)
                    .containsExactly("tls", "external");
        }
        // the services' bootstrap address is a listener of this cluster
        String bootstrap = Kustomize.named(objects, "ConfigMap", "torn-platform").path("data").path("KAFKA_BOOTSTRAP_SERVERS").asText();
        assertThat(kafka.getSpec().getKafka().getListeners()).anySatisfy(l -> assertThat(bootstrap)
                .isEqualTo("torn-kafka-kafka-bootstrap:" + l.getPort()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceHasItsOwnDatabaseAndOwner(String name) {
        List<JsonNode> objects = overlay(name);
        JsonNode cluster = Kustomize.named(objects, "Cluster", "torn-postgres").path("spec");
        List<String> databases = new ArrayList<>();
        databases.add(cluster.path("bootstrap").path("initdb").path("database").asText() + " owned by "
                + cluster.path("bootstrap").path("initdb").path("owner").asText());
        Kustomize.ofKind(objects, "Database").forEach(d -> {
            assertThat(d.path("spec").path("cluster").path("name").asText()).isEqualTo("torn-postgres");
            databases.add(d.path("spec").path("name").asText() + " owned by " + d.path("spec").path("owner").asText());
        });
        assertThat(databases).containsExactlyInAnyOrder("torn_competence owned by torn_competence",
                "torn_task owned by torn_task", "torn_responsibility owned by torn_responsibility",
                "torn_grants owned by torn_grants", "keycloak owned by keycloak");
        List<String> roles = new ArrayList<>();
        cluster.path("managed").path("roles").forEach(r -> roles.add(r.path("name").asText()));
        assertThat(roles).containsExactlyInAnyOrder("torn_task", "torn_responsibility", "torn_grants", "keycloak");
        if (name.equals("production")) {
            assertThat(cluster.path("instances").asInt()).isEqualTo(3);
        }
        // each service connects to its own database on the primary's Service
        for (String app : APPS.subList(1, APPS.size())) {
            String database = "torn_" + app.substring(0, app.indexOf("-service"));
            JsonNode env = Kustomize.named(objects, "Deployment", app).path("spec").path("template").path("spec")
                    .path("containers").get(0).path("env");
            assertThat(env.findValuesAsText("value")).contains("jdbc:postgresql://torn-postgres-rw:5432/" + database);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyoneNamesTheSameIssuerAndTokenUrl(String name) {
        List<JsonNode> objects = overlay(name);
        JsonNode config = Kustomize.named(objects, "ConfigMap", "torn-platform").path("data");
        String issuer = Kustomize.named(objects, "Keycloak", "torn-keycloak").path("spec").path("hostname")
                .path("hostname").asText() + "/realms/torn";
        String tokenUrl = issuer + "/protocol/openid-connect/token";
        assertThat(config.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).isEqualTo(issuer);
        assertThat(config.path("TORN_KAFKA_TOKEN_URL").asText()).isEqualTo(tokenUrl);
        assertThat(config.path("JAVA_OPTS_APPEND").asText())
                .contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + tokenUrl);
        Kafka kafka = ManifestCheck.read(Kustomize.named(objects, "Kafka", "torn-kafka"), Kafka.class);
        assertThat(kafka.getSpec().getKafka().getListeners()).allSatisfy(listener -> assertThat(
                listener.getAuth()).extracting("validIssuerUri").isEqualTo(issuer));
    }

    @Test
    void theGatewayUpstreamsAreTheServicesAddresses() {
        List<JsonNode> objects = overlay("production");
        JsonNode upstreams = Kustomize.named(objects, "ConfigMap", "torn-gateway").path("data");
        for (String app : APPS.subList(1, APPS.size())) {
            String upstream = app.substring(0, app.indexOf("-service")).toUpperCase(java.util.Locale.ROOT);
            int port = Kustomize.named(objects, "Service", app).path("spec").path("ports").get(0).path("port").asInt();
            assertThat(upstreams.path("TORN_UPSTREAM_" + upstream + "_URL").asText()).isEqualTo("http://" + app + ":" + port);
        }
        Deployment gateway = ManifestCheck.read(Kustomize.named(objects, "Deployment", "gateway"), Deployment.class);
        assertThat(gateway.getSpec().getTemplate().getSpec().getContainers().get(0).getEnvFrom())
                .extracting(e -> e.getConfigMapRef().getName()).containsExactly("torn-platform", "torn-gateway");
    }

    @Test
    void theRealmImportIsTheRealmFile() throws IOException {
        JsonNode realmFile = new ObjectMapper().readTree(Kustomize.repositoryFile("deploy/keycloak/torn-realm.json").toFile());
        JsonNode imported = Kustomize.named(overlay("local"), "KeycloakRealmImport", "torn").path("spec");
        assertThat(imported.path("keycloakCRName").asText()).isEqualTo("torn-keycloak");
        assertThat(imported.path("realm")).isEqualTo(realmFile);
    }

    @Test
    void theProductionRealmTakesEveryClientSecretFromASecretAndHasNoDemoUsers() {
        JsonNode spec = Kustomize.named(overlay("production"), "KeycloakRealmImport", "torn").path("spec");
        JsonNode placeholders = spec.path("placeholders");
        int secrets = 0;
        for (JsonNode client : spec.path("realm").path("clients")) {
            if (client.has("secret")) {
                secrets++;
                String secret = client.path("secret").asText();
                assertThat(secret).as(client.path("clientId").asText()).matches("\\$\\{[A-Z_]+}");
                JsonNode placeholder = placeholders.path(secret.substring(2, secret.length() - 1));
                assertThat(placeholder.path("secret").path("name").asText()).isEqualTo("torn-keycloak-client-secrets");
                assertThat(placeholder.path("secret").path("key").asText()).isEqualTo(client.path("clientId").asText());
            }
        }
        assertThat(secrets).isGreaterThanOrEqualTo(10);
        assertThat(placeholders.size()).isEqualTo(secrets);
        assertThat(spec.path("realm").path("sslRequired").asText()).isEqualTo("external");
        assertThat(spec.path("realm").path("users")).isNotEmpty().allSatisfy(user -> {
            assertThat(user.path("serviceAccountClientId").asText()).isNotEmpty();
            assertThat(user.has("credentials")).isFalse();
        });
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
                Path source = it.next();
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void misspell(Path file, String field, String misspelt) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(field);
        Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(field),
                java.util.regex.Matcher.quoteReplacement(misspelt)));
    }
}
