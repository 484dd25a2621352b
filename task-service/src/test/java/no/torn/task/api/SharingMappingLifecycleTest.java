package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.publishedEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One sharing mapping's life, a step per test: drafted by a unit leader, proposed, approved by an RHF admin,
 * retired, with an event per transition. A failing step names itself; the steps after it are skipped.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharingMappingLifecycleTest {

    private static String task;
    private static String id;
    private static int done;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static String mapping(String suffix) {
        return "/api/v1/sharing-mappings/" + id + suffix;
    }

    /** Skips a step when an earlier one did not complete. */
    private static void after(int step) {
        assumeTrue(done >= step, "an earlier step of the life cycle failed");
    }

    @Test
    @Order(1)
    void aUnitLeaderDraftsAMapping() {
        task = nationalTask("MED-DISPENSING", "MEDICATION", "MEDIUM", true, false,
                List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        var created = createMapping("vest-leader", task, "sykepleier", "helsefagarbeider", "AVAILABLE",
                List.of("LEGEMIDDELKURS-HFA"))
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("rhf", equalTo("helse-vest"))
                .body("requiredCompetences", equalTo(List.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING",
                        "LEGEMIDDELKURS-HFA")))
                .body("createdBy", notNullValue())
                .body("proposed", nullValue())
                .extract();
        id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/sharing-mappings/" + id);
        done = 1;
    }

    @Test
    @Order(2)
    void approvingADraftSkipsAStateAndIs409() {
        after(1);
        as("vest-admin").body(Map.of("version", 0)).post(mapping("/approve")).then().statusCode(409);
        done = 2;
    }

    @Test
    @Order(3)
    void aUnitLeaderProposesButDoesNotApprove() {
        after(2);
        as("vest-leader").body(Map.of("version", 0)).post(mapping("/propose"))
                .then().statusCode(200).body("status", equalTo("PROPOSED")).body("proposedAt", notNullValue())
                .body("version", equalTo(1));
        as("vest-leader").body(Map.of("version", 1)).post(mapping("/approve")).then().statusCode(403);
        done = 3;
    }

    @Test
    @Order(4)
    void aProposedMappingIsNoLongerEdited() {
        after(3);
        as("vest-leader").body(Map.of("version", 1, "taskCode", task, "fromGroup", "sykepleier",
                        "toGroup", "helsefagarbeider", "supervisionLevel", "DIRECT", "legalBasis", "Hpl §5"))
                .put(mapping("")).then().statusCode(409);
        done = 4;
    }

    @Test
    @Order(5)
    void anRhfAdminApprovesTheVersionReadOnly() {
        after(4);
        as("vest-admin").body(Map.of("version", 0)).post(mapping("/approve"))
                .then().statusCode(409).body("type", containsString("stale-version"));
        as("vest-admin").body(Map.of("version", 1)).post(mapping("/approve"))
                .then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedBy", notNullValue());
        as("vest-admin").body(Map.of("version", 2)).post(mapping("/propose")).then().statusCode(409);
        done = 5;
    }

    @Test
    @Order(6)
    void theProposalAndTheApprovalAreAnnounced() {
        after(5);
        TopicReader.Event proposed = publishedEvent(bootstrap, "sharing-mapping-proposed", id);
        assertThat(proposed.data().path("status").asText()).isEqualTo("PROPOSED");
        TopicReader.Event approved = publishedEvent(bootstrap, "sharing-mapping-approved", id);
        assertThat(approved.cloudEvent().path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(approved.data().path("taskCode").asText()).isEqualTo(task);
        assertThat(approved.data().path("toGroup").asText()).isEqualTo("helsefagarbeider");
        assertThat(approved.data().path("supervisionLevel").asText()).isEqualTo("AVAILABLE");
        assertThat(approved.data().path("riskLevel").asText()).isEqualTo("MEDIUM");
        assertThat(approved.data().path("extraRequiredCompetences").toString()).isEqualTo("[\"LEGEMIDDELKURS-HFA\"]");
        assertThat(approved.data().path("requiredCompetences").size()).isEqualTo(3);
        as("vest-auditor").get("/api/v1/sharing-mappings?taskCode=" + task + "&status=APPROVED").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        done = 6;
    }

    @Test
    @Order(7)
    void retiringEndsTheLifeCycleAndIsAnnounced() {
        after(6);
        as("vest-admin").body(Map.of("version", 2)).post(mapping("/retire"))
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("retiredAt", notNullValue());
        as("vest-admin").body(Map.of("version", 3)).post(mapping("/retire")).then().statusCode(409);
        as("vest-admin").body(Map.of("version", 3)).post(mapping("/approve")).then().statusCode(409);
        publishedEvent(bootstrap, "sharing-mapping-retired", id);
        done = 7;
    }

    @Test
    @Order(8)
    void onceRetiredTheSameTaskAndGroupsMayBeMappedAgain() {
        after(7);
        createMapping("vest-admin", task, "sykepleier", "helsefagarbeider", "DIRECT", List.of()).statusCode(201);
    }
}
