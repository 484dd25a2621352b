package no.torn.systemtest;

import io.restassured.response.Response;
import no.torn.platform.testing.HprRegisterStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import static no.torn.systemtest.Gateway.json;
import static no.torn.systemtest.Gateway.jsonAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Reconciliation with the national health personnel register (R-AUTH-03) across the platform, through the gateway
 * with real tokens and real Kafka: the register stand-in (HPR) answers competence-service; competence-service flags
 * the record and announces {@code authorisation-mismatch} on the RHF's topic; responsibility-service suspends the
 * confirmed delegation that rests on the authorisation. The steps share state and run in order:
 * <ol>
 *   <li>a health worker with an authorisation HPR confirms works under a confirmed (ACTIVE) delegation of a task that
 *       requires the authorisation;</li>
 *   <li>a reconciliation while HPR confirms it flags nothing and leaves the delegation ACTIVE;</li>
 *   <li>HPR revokes the authorisation: the next reconciliation flags the record, the HR consumer of the RHF sees the
 *       event (ids and codes, no HPR number), and the delegation is SUSPENDED naming the authorisation — all
 *       audited;</li>
 *   <li>the register unreachable: the run is FAILED and nothing is marked checked.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HprReconciliationIT {

    private static final String HF = "helse-bergen";
    /** V1001 is the employee behind the demo user vest-employee, who must confirm the delegation. */
    private static final String WORKER_NUMBER = "V1001";
    private static final String UNIT = "Medisinsk sengepost 3";
    private static final String HPR_NUMBER = "1001001";
    private static final String AUTHORISATION = "AUT-HELSEFAGARBEIDER";
    private static final Duration ASYNC = Duration.ofSeconds(30);
    private static final String RUNS = "/api/v1/competence/register-reconciliations";
    private static final String TASK = "HPR-SONDE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static final HprRegisterStub HPR = Platform.get().hpr();

    private static String worker;
    private static String recordId;
    private static String delegationId;

    @AfterAll
    static void registerConfirmsAgain() {
        // Leave the worker as the other system tests expect them: authorised, and confirmed by the register.
        HPR.down(false);
        registerConfirms();
        if (worker != null) {
            jsonAs("vest-admin").body(json("employeeId", worker)).post(RUNS);
        }
    }

    @Test
    @Order(1)
    void step1_aHealthWorkerWorksUnderADelegationThatNeedsTheAuthorisation() {
        registerConfirms();
        Response imported = Gateway.asHrIntegration("helse-vest").contentType("text/csv; charset=UTF-8").body("""
                hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,validUntil,evidenceDocumentReference
                helse-bergen,V1001,Helga Helsefagarbeider,Medisinsk sengepost 3,helsefagarbeider,1001001,AUT-HELSEFAGARBEIDER,2019-08-15,,HPR-2019-1001
                """).post("/api/v1/competence/imports");
        assertThat(imported.statusCode()).as("step 1: HR import, answer %s", imported.asString()).isEqualTo(200);
        worker = Scenario.employeeId(HF, WORKER_NUMBER);
        List<String> authorisations = Gateway.as("vest-admin")
                .get("/api/v1/competence/records?employeeId=" + worker + "&competenceCode=" + AUTHORISATION
                        + "&status=ACTIVE")
                .then().statusCode(200).extract().path("items.id");
        assertThat(authorisations).as("step 1: the worker's active authorisation records").hasSize(1);
        recordId = authorisations.get(0);

        Scenario.createTask("vest-admin", TASK, false, "Sondeernæring via etablert sonde", "CLINICAL", "MEDIUM",
                List.of(AUTHORISATION));
        String mapping = Scenario.approvedMapping(TASK, "sykepleier", "helsefagarbeider", "AVAILABLE");
        String clarification = Scenario.approvedClarification(mapping, UNIT);
        delegationId = Scenario.delegation(clarification, worker);
        Response created = delegation();
        assertThat(created.<List<String>>path("requiredCompetences")).as("step 1: the delegation's competences")
                .contains(AUTHORISATION);
        Response confirmed = jsonAs("vest-employee")
                .body(json("version", created.<Number>path("version").longValue(), "consideredCompetent", true))
                .post("/api/v1/responsibility/me/delegations/" + delegationId + "/confirm");
        assertThat(confirmed.statusCode()).as("step 1: the worker confirms, answer %s", confirmed.asString())
                .isEqualTo(200);
        assertThat(delegation().<String>path("status")).as("step 1: the confirmed delegation").isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void step2_whileTheRegisterConfirmsTheAuthorisationNothingIsFlagged() {
        requireEarlierSteps(delegationId);
        Response run = reconcile();
        assertThat(run.<String>path("status")).as("step 2: run status, answer %s", run.asString())
                .isEqualTo("COMPLETED");
        assertThat(run.<Integer>path("checked")).as("step 2: records checked").isPositive();
        assertThat(run.<Integer>path("mismatches")).as("step 2: mismatches").isZero();
        assertThat(HPR.requests(HPR_NUMBER)).as("step 2: the register was asked").isPositive();
        assertThat(mismatchedRecords()).as("step 2: flagged records").doesNotContain(recordId);
        assertThat(delegation().<String>path("status")).as("step 2: the delegation").isEqualTo("ACTIVE");
    }

    @Test
    @Order(3)
    void step3_aRevokedAuthorisationIsFlaggedAnnouncedAndSuspendsTheDelegation() {
        requireEarlierSteps(delegationId);
        HPR.person(HPR_NUMBER, "HF", "AUTHORISATION", "REVOKED", LocalDate.of(2019, 8, 15), null);
        try (HrEventConsumer hr = new HrEventConsumer(Platform.get().bootstrapServers(), "helse-vest")) {
            Response run = reconcile();
            assertThat(run.<String>path("status")).as("step 3: run status, answer %s", run.asString())
                    .isEqualTo("COMPLETED");
            assertThat(run.<Integer>path("mismatches")).as("step 3: mismatches of the run").isEqualTo(1);
            assertThat(mismatchedRecords()).as("step 3: flagged records").contains(recordId);

            await("step 3: the RHF's HR consumer receives authorisation-mismatch").atMost(ASYNC)
                    .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(
                            hr.ofType("no.torn.competence.authorisation-mismatch.v1")).anySatisfy(event -> {
                                JsonNode data = event.path("data");
                                assertThat(data.path("recordId").asText()).isEqualTo(recordId);
                                assertThat(data.path("employeeId").asText()).isEqualTo(worker);
                                assertThat(data.path("competenceCode").asText()).isEqualTo(AUTHORISATION);
                                assertThat(data.path("reason").asText()).isEqualTo("REVOKED");
                                assertThat(event.toString()).as("the event carries no HPR number")
                                        .doesNotContain(HPR_NUMBER);
                            }));
            assertThat(hr.foreign()).as("step 3: events of another RHF").isEmpty();
        }

        await("step 3: responsibility-service suspends the delegation resting on the authorisation").atMost(ASYNC)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(delegation().<String>path("status")).isEqualTo("SUSPENDED"));
        Response suspended = delegation();
        assertThat(suspended.<String>path("competenceCode")).as("step 3: the competence named")
                .isEqualTo(AUTHORISATION);
        assertThat(suspended.<String>path("statusReason")).as("step 3: the reason").contains("HPR");

        assertThat(auditActions("/api/v1/competence/audit", recordId)).as("step 3: the record's audit trail")
                .contains("REGISTER_MISMATCH");
        assertThat(auditActions("/api/v1/responsibility/audit", delegationId))
                .as("step 3: the delegation's audit trail").contains("SUSPENDED");
    }

    @Test
    @Order(4)
    void step4_anUnreachableRegisterFailsTheRunAndMarksNothingChecked() {
        requireEarlierSteps(worker);
        int asked = HPR.requests(HPR_NUMBER);
        HPR.down(true);
        try {
            Response run = reconcile();
            assertThat(run.<String>path("status")).as("step 4: run status, answer %s", run.asString())
                    .isEqualTo("FAILED");
            assertThat(run.<Integer>path("checked")).as("step 4: records checked").isZero();
            assertThat(run.<Integer>path("errors")).as("step 4: errors").isPositive();
            assertThat(HPR.requests(HPR_NUMBER) - asked).as("step 4: attempts at the register").isEqualTo(3);
            assertThat(mismatchedRecords()).as("step 4: the earlier flag stays").contains(recordId);
        } finally {
            HPR.down(false);
        }
        Response failed = Gateway.as("vest-auditor").get(RUNS + "?status=FAILED");
        assertThat(failed.statusCode()).as("step 4: auditors read failed runs, answer %s", failed.asString())
                .isEqualTo(200);
        assertThat(failed.<List<String>>path("items.employeeId")).as("step 4: failed runs").contains(worker);
        Gateway.as("sorost-admin").get(RUNS + "/" + failed.<String>path("items[0].id")).then().statusCode(404);
    }

    // ---- helpers ----

    private static void registerConfirms() {
        HPR.person(HPR_NUMBER, "HF", "AUTHORISATION", "VALID", LocalDate.of(2019, 8, 15), null);
    }

    private static Response reconcile() {
        Response run = jsonAs("vest-admin").body(json("employeeId", worker)).post(RUNS);
        assertThat(run.statusCode()).as("reconciliation run, answer %s", run.asString()).isEqualTo(201);
        return run;
    }

    private static List<String> mismatchedRecords() {
        return Gateway.as("vest-admin").get(RUNS + "/mismatches?size=200").then().statusCode(200)
                .extract().path("items.recordId");
    }

    private static Response delegation() {
        Response response = Gateway.as("vest-leader").get("/api/v1/responsibility/delegations/" + delegationId);
        assertThat(response.statusCode()).as("delegation, answer %s", response.asString()).isEqualTo(200);
        return response;
    }

    private static List<String> auditActions(String trail, String entityId) {
        return Gateway.as("vest-auditor").get(trail + "?entityId=" + entityId).then().statusCode(200)
                .extract().path("items.action");
    }

    private static void requireEarlierSteps(Object state) {
        if (state == null) {
            fail("an earlier step failed; see its report");
        }
    }
}
