package no.torn.systemtest.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CloudNativePG resources of both overlays against CloudNativePG's published CRDs (deploy/kubernetes/crd-check),
 * and the rule that check applies: a field the CRD does not know is an error, as with kubectl --validate=strict.
 */
class CrdCheckTest {

    private static ObjectNode rendered(String kind, String name) {
        return (ObjectNode) Kustomize.named(KubernetesManifestsTest.overlay("local"), kind, name).deepCopy();
    }

    private static void rename(JsonNode parent, String field, String misspelt) {
        ObjectNode object = (ObjectNode) parent;
        assertThat(object.has(field)).as(field).isTrue();
        object.set(misspelt, object.remove(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyCloudNativePgResourceMatchesThePublishedCrds(String name) {
        List<JsonNode> objects = KubernetesManifestsTest.overlay(name);
        assertThat(objects.stream().map(ManifestCheck::type).filter(CrdCheck.TYPES::contains))
                .contains("postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database");
        assertThat(CrdCheck.problems(objects)).isEmpty();
    }

    @Test
    void aMisspelledClusterFieldIsReportedWithItsPath() {
        ObjectNode cluster = rendered("Cluster", "torn-postgres");
        rename(cluster.path("spec"), "instances", "instance");

        assertThat(CrdCheck.problems(List.of(cluster))).containsExactlyInAnyOrder(
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec.instance: unknown field",
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec: must have required property instances");
    }

    @Test
    void unknownFieldsAreReportedAtEveryDepthAtOnce() {
        ObjectNode cluster = rendered("Cluster", "torn-postgres");
        rename(cluster.path("spec"), "primaryUpdateStrategy", "primaryUpdateStrategie");
        rename(cluster.path("spec").path("storage"), "size", "sise");
        rename(cluster.path("spec").path("managed").path("roles").get(0), "passwordSecret", "passwordSecrets");
        rename(cluster.path("metadata"), "labels", "label");

        assertThat(CrdCheck.problems(List.of(cluster))).containsExactlyInAnyOrder(
                "postgresql.cnpg.io/v1/Cluster torn-postgres: metadata.label: unknown field",
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec.primaryUpdateStrategie: unknown field",
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec.storage.sise: unknown field",
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec.managed.roles[0].passwordSecrets: unknown field");
    }

    @Test
    void aValueTheCrdDoesNotAllowIsReported() {
        ObjectNode cluster = rendered("Cluster", "torn-postgres");
        ((ObjectNode) cluster.path("spec")).put("primaryUpdateStrategy", "sometimes");
        ((ObjectNode) cluster.path("spec")).put("instances", "three");

        assertThat(CrdCheck.problems(List.of(cluster))).containsExactlyInAnyOrder(
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec.instances: must be integer",
                "postgresql.cnpg.io/v1/Cluster torn-postgres: spec.primaryUpdateStrategy: must be equal to one of the "
                        + "allowed values (unsupervised, supervised)");
    }

    @Test
    void aMisspelledDatabaseFieldIsReported() {
        ObjectNode database = rendered("Database", "keycloak");
        rename(database.path("spec"), "databaseReclaimPolicy", "databaseReclaimPolicie");

        assertThat(CrdCheck.problems(List.of(database))).containsExactly(
                "postgresql.cnpg.io/v1/Database keycloak: spec.databaseReclaimPolicie: unknown field");
    }

    @Test
    void mapsTheCrdLeavesOpenTakeAnyKey() {
        ObjectNode cluster = rendered("Cluster", "torn-postgres");
        ((ObjectNode) cluster.path("spec")).putObject("postgresql").putObject("parameters")
                .put("max_connections", "200").put("log_min_duration_statement", "500ms");
        ((ObjectNode) cluster.path("metadata")).putObject("annotations").put("torn.example/anything", "goes");
        ArrayNode roles = (ArrayNode) cluster.path("spec").path("managed").path("roles");
        ((ObjectNode) roles.get(0)).putArray("inRoles").add("pg_monitor");

        assertThat(CrdCheck.problems(List.of(cluster))).isEmpty();
    }

    @Test
    void aMisspelledKeycloakFieldIsReported() {
        ObjectNode keycloak = rendered("Keycloak", "torn-keycloak");
        rename(keycloak.path("spec"), "instances", "instance");

        assertThat(ManifestCheck.problems(List.of(keycloak)))
                .anySatisfy(p -> assertThat(p).startsWith("k8s.keycloak.org/v2alpha1/Keycloak torn-keycloak")
                        .contains("instance"));
    }
}
