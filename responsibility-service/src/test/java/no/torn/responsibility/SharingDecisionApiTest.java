package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import no.torn.platform.testing.EventSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.TASK_TOPIC;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.delegationBody;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static no.torn.responsibility.Fixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/**
 * The sharing decision (R-SHARE-01..05, R-COMP-01) on every path where this service decides, fed with task-service
 * events on the real broker, and its consequences when a task or mapping is retired.
 */
@QuarkusTest
class SharingDecisionApiTest {

    static final String RULES = "https://torn.no/rules/";

    @BeforeEach
    void employee() {
        Fixture.employeeV1001();
    }

    // ---- the porter case ----------------------------------------------------------------------------------

    @Test
    void aClarificationNamingOnlyAHighRiskTaskForPortersIsRefusedNamingBothRules() {
        String task = medicationTask();
        post("vest-leader", "/clarifications", taskOnly(task, "portor", "sengepost-p")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo(RULES + "R-SHARE-02"))
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03")))
                .body("rules.field", everyItem(equalTo("performingGroup")));
        assertThat(Db.count("select count(*) from clarification where task_code = ?1", task)).isZero();

        // Editing an allowed draft into the porter case is refused the same way.
        String draft = post("vest-leader", "/clarifications", taskOnly(task, "sykepleier", "sengepost-p"))
                .statusCode(201).body("appliedMappingId", equalTo(null))
                .body("requiredCompetences", equalTo(List.of("MED-ADM"))).extract().path("id");
        Map<String, Object> edit = taskOnly(task, "portor", "sengepost-p");
        edit.put("version", 0);
        given().header("Authorization", token("vest-leader")).contentType(ContentType.JSON).body(edit)
                .when().put(API + "/clarifications/" + draft).then().statusCode(422)
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03")));
    }

    @Test
    void aTaskThatBecomesHighRiskSuspendsThePorterClarificationAndNoDelegationFollows() {
        // The task once allowed porters; the clarification for them was sound then.
        String task = Fixture.code("T");
        sendTask("task-registered", task, false, true, "LOW", List.of(), "ACTIVE", 1);
        String clarification = active(taskOnly(task, "portor", Fixture.UNIT));
        String nurses = active(taskOnly(task, "sykepleier", Fixture.UNIT));
        UUID porter = porter();
        post("vest-leader", "/delegations", delegationBody(clarification, porter)).statusCode(201);

        // Now it is a HIGH-risk medication task that requires a health professional.
        sendTask("task-updated", task, true, false, "HIGH", List.of("MED-ADM"), "ACTIVE", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("statusReason", containsString("R-SHARE-02, R-SHARE-03")));
        get("vest-leader", "/clarifications/" + nurses).statusCode(200).body("status", equalTo("ACTIVE"));
        get("vest-auditor", "/audit?entityId=" + clarification).statusCode(200)
                .body("items.find { it.action == 'SUSPENDED' }.actor.id", equalTo("system:task-events"));
        post("vest-leader", "/delegations", delegationBody(clarification, porter())).statusCode(422)
                .body("detail", containsString("not in force"));
        // Neither re-submission nor a new clarification brings porters back.
        post("vest-leader", "/clarifications/" + clarification + "/submit", Map.of("version", 3)).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03")));
        post("vest-leader", "/clarifications", taskOnly(task, "portor", "sengepost-q")).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03")));
    }

    // ---- a clarification that names only the task is held to the RHF's mappings ---------------------------------

    @Test
    void aRetiredOnlyMappingToTheGroupMeansNotShared() {
        String task = medicationTask();
        UUID mapping = UUID.randomUUID();
        sendMapping("sharing-mapping-retired", mapping, task, "helsefagarbeider", "DIRECT", List.of("MED-HFA"),
                "RETIRED", 3);
        post("vest-leader", "/clarifications", taskOnly(task, "helsefagarbeider", "sengepost-r")).statusCode(422)
                .body("type", equalTo(RULES + "R-SHARE-04"))
                .body("rules.rule", equalTo(List.of("R-SHARE-04")))
                .body("rules.field", equalTo(List.of("mappingId")));
        // A nurse, about whom the RHF decided nothing, performs it on the task's own requirements.
        post("vest-leader", "/clarifications", taskOnly(task, "sykepleier", "sengepost-r")).statusCode(201)
                .body("appliedMappingId", equalTo(null));
    }

    @Test
    void aHighRiskTaskThroughAMappingWithoutSupervisionIsRefused() {
        String task = medicationTask();
        UUID mapping = UUID.randomUUID();
        sendMapping("sharing-mapping-approved", mapping, task, "helsefagarbeider", "NONE", List.of(), "APPROVED", 2);
        post("vest-leader", "/clarifications", taskOnly(task, "helsefagarbeider", "sengepost-s")).statusCode(422)
                .body("type", equalTo(RULES + "R-SHARE-05"))
                .body("rules.rule", equalTo(List.of("R-SHARE-05")));
        // Naming the mapping does not help either.
        Map<String, Object> named = taskOnly(task, "helsefagarbeider", "sengepost-s");
        named.remove("taskCode");
        named.remove("delegatingGroup");
        named.remove("performingGroup");
        named.put("mappingId", mapping.toString());
        post("vest-leader", "/clarifications", named).statusCode(422).body("rules.rule", equalTo(List.of("R-SHARE-05")));
    }

    @Test
    void theAppliedMappingsExtraCompetencesBecomeTheClarificationsAndTheDelegationsRequirements() {
        String task = medicationTask();
        UUID mapping = UUID.randomUUID();
        String extra = Fixture.code("MED-HFA");
        sendMapping("sharing-mapping-approved", mapping, task, "helsefagarbeider", "DIRECT", List.of(extra),
                "APPROVED", 2);
        String clarification = post("vest-leader", "/clarifications", taskOnly(task, "helsefagarbeider",
                Fixture.UNIT)).statusCode(201)
                .body("mappingId", equalTo(null))
                .body("appliedMappingId", equalTo(mapping.toString()))
                .body("requiredCompetences", equalTo(List.of("MED-ADM", extra)))
                .extract().path("id");
        submitAndApprove(clarification);

        Fixture.grant(V1001, "MED-ADM", List.of());
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(422)
                .body("type", equalTo(RULES + "R-COMP-01"))
                .body("rules", hasSize(1))
                .body("rules[0].rule", equalTo("R-COMP-01"))
                .body("rules[0].detail", containsString(extra));
        // An implying record counts.
        Fixture.grant(V1001, Fixture.code("KURS"), List.of(extra));
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(201)
                .body("requiredCompetences", equalTo(List.of("MED-ADM", extra)));
    }

    // ---- consequences follow state ------------------------------------------------------------------------

    @Test
    void retiringTheAppliedMappingSuspendsATaskOnlyClarificationAndApprovingItAgainDoesNotRestoreIt() {
        String task = Fixture.code("T");
        String code = Fixture.code("SAR");
        sendTask("task-registered", task, true, false, "MEDIUM", List.of(code), "ACTIVE", 1);
        UUID mapping = UUID.randomUUID();
        sendMapping("sharing-mapping-approved", mapping, task, "helsefagarbeider", "AVAILABLE", List.of(), "APPROVED",
                2);
        Fixture.grant(V1001, code, List.of());
        String clarification = active(taskOnly(task, "helsefagarbeider", Fixture.UNIT));
        get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                .body("appliedMappingId", equalTo(mapping.toString()));
        String delegation = Fixture.activeDelegation(clarification);

        sendMapping("sharing-mapping-retired", mapping, task, "helsefagarbeider", "AVAILABLE", List.of(), "RETIRED",
                3);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("statusReason", containsString(mapping + " was retired")));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        var suspended = Fixture.published(e -> clarification.equals(e.subject())
                && e.type().equals("no.torn.responsibility.clarification-suspended.v1"), 1);
        EventSchemas.assertValid(Fixture.schema("clarification-suspended"), suspended.get(0).cloudEvent());
        Fixture.published(e -> delegation.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-suspended.v1"), 1);
        get("vest-auditor", "/audit?entityId=" + clarification).statusCode(200)
                .body("items.find { it.action == 'SUSPENDED' }.actor.id", equalTo("system:task-events"))
                .body("items.find { it.action == 'SUSPENDED' }.after.status", equalTo("SUSPENDED"));
        get("vest-auditor", "/audit?entityId=" + delegation).statusCode(200)
                .body("items.action", hasItem("SUSPENDED"));
        // Re-submission is refused while the RHF's decision about the group is retired.
        post("vest-leader", "/clarifications/" + clarification + "/submit", Map.of("version", 3)).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-SHARE-04")));

        // The mapping approved again: nothing comes back by itself.
        sendMapping("sharing-mapping-approved", mapping, task, "helsefagarbeider", "AVAILABLE", List.of(), "APPROVED",
                4);
        get("vest-leader", "/clarifications/" + clarification).statusCode(200).body("status", equalTo("SUSPENDED"));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        // A new submission and four-eyes approval, then a leader's re-confirmation, do.
        post("vest-leader", "/clarifications/" + clarification + "/submit", Map.of("version", 3)).statusCode(200);
        post("vest-leader2", "/clarifications/" + clarification + "/approve", Map.of("version", 4)).statusCode(200)
                .body("status", equalTo("ACTIVE"));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        post("vest-leader", "/delegations/" + delegation + "/reconfirm", Map.of("version", 2, "reason", "Ny avklaring"))
                .statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void retiringTheTaskSuspendsATaskOnlyClarificationAndReactivatingItDoesNotRestoreIt() {
        String task = Fixture.code("T");
        String code = Fixture.code("SAR");
        sendTask("task-registered", task, true, false, "MEDIUM", List.of(code), "ACTIVE", 1);
        Fixture.grant(V1001, code, List.of());
        String clarification = active(taskOnly(task, "helsefagarbeider", Fixture.UNIT));
        String delegation = Fixture.activeDelegation(clarification);

        sendTask("task-retired", task, true, false, "MEDIUM", List.of(code), "RETIRED", 2);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                        .body("status", equalTo("SUSPENDED")));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        post("vest-leader", "/clarifications/" + clarification + "/submit", Map.of("version", 3)).statusCode(422)
                .body("type", equalTo(RULES + "R-SHARE-01"));

        sendTask("task-updated", task, true, false, "MEDIUM", List.of(code), "ACTIVE", 3);
        get("vest-leader", "/clarifications/" + clarification).statusCode(200).body("status", equalTo("SUSPENDED"));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    /** A national HIGH-risk medication task that requires a health professional and MED-ADM. */
    private static String medicationTask() {
        String task = Fixture.code("T");
        sendTask("task-registered", task, true, false, "HIGH", List.of("MED-ADM"), "ACTIVE", 1);
        return task;
    }

    private static void sendTask(String name, String code, boolean requiresHealthProfessional,
                                 boolean allowsUntrainedStaff, String risk, List<String> required, String status,
                                 long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("taskId", UUID.nameUUIDFromBytes(code.getBytes()).toString());
        data.put("code", code);
        data.put("rhf", null);
        data.put("variantOf", null);
        data.put("title", "Task " + code);
        data.put("category", "CLINICAL");
        data.put("riskLevel", risk);
        data.put("requiresHealthProfessional", requiresHealthProfessional);
        data.put("allowsUntrainedStaff", allowsUntrainedStaff);
        data.put("requiredCompetences", required);
        data.put("status", status);
        data.put("version", version);
        Fixture.send(TASK_TOPIC, code, Fixture.cloudEvent("/torn/task-service", "no.torn.task." + name + ".v1", code,
                "national", data));
        Fixture.awaitRow("select count(*) from task_view where code = ?1 and source_version = ?2", code, version);
    }

    private static void sendMapping(String name, UUID mappingId, String task, String toGroup, String supervision,
                                    List<String> extra, String status, long version) {
        Map<String, Object> data = new HashMap<>();
        data.put("mappingId", mappingId.toString());
        data.put("rhf", "helse-vest");
        data.put("taskCode", task);
        data.put("fromGroup", "sykepleier");
        data.put("toGroup", toGroup);
        data.put("extraRequiredCompetences", extra);
        data.put("supervisionLevel", supervision);
        data.put("legalBasis", "Helsepersonelloven §5");
        data.put("status", status);
        data.put("version", version);
        Fixture.send(TASK_TOPIC, mappingId.toString(), Fixture.cloudEvent("/torn/task-service",
                "no.torn.task." + name + ".v1", mappingId.toString(), "helse-vest", data));
        Fixture.awaitRow("select count(*) from sharing_mapping_view where mapping_id = ?1 and source_version = ?2",
                mappingId, version);
    }

    /** A clarification body that names only the task and the groups. */
    private static Map<String, Object> taskOnly(String task, String performingGroup, String unit) {
        Map<String, Object> body = Fixture.clarificationBody(new Fixture.Basis(task, UUID.randomUUID(), List.of()),
                unit);
        body.remove("mappingId");
        body.put("taskCode", task);
        body.put("delegatingGroup", "sykepleier");
        body.put("performingGroup", performingGroup);
        return body;
    }

    private static String active(Map<String, Object> body) {
        String id = post("vest-leader", "/clarifications", body).statusCode(201).extract().path("id");
        submitAndApprove(id);
        return id;
    }

    private static ValidatableResponse submitAndApprove(String id) {
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
        return post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    /** A porter employed in the clarifications' unit. */
    private static UUID porter() {
        UUID porter = UUID.randomUUID();
        Fixture.send(Fixture.COMPETENCE_TOPIC, porter.toString(), Fixture.employeeEvent("employee-registered", porter,
                "V6" + porter.toString().substring(0, 4), Fixture.HF, Fixture.UNIT, "portor", "ACTIVE", 1));
        Fixture.awaitRow("select count(*) from employee_view where employee_id = ?1", porter);
        return porter;
    }
}
