package no.torn.systemtest;

import io.restassured.response.Response;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static no.torn.systemtest.Gateway.json;
import static no.torn.systemtest.Gateway.jsonAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The sharing decision (docs/rules/sharing-decision.md) as a client of the platform meets it, only through the
 * gateway with real tokens and real Kafka between the services:
 * <ol>
 *   <li>the porter case: a clarification naming only a HIGH-risk task that requires a health professional, with
 *       porters as the performing group and no sharing mapping, is refused naming R-SHARE-02 and R-SHARE-03;</li>
 *   <li>an approved mapping sykepleier → helsefagarbeider (DIRECT supervision, as the HIGH risk needs) makes a
 *       health worker holding the task's competence eligible through the mapping;</li>
 *   <li>a clarification on the mapping is approved by a second unit leader, the task is delegated to the health
 *       worker and the worker confirms: the delegation is ACTIVE;</li>
 *   <li>the RHF retires the mapping: by events alone the worker is no longer eligible, and the clarification and
 *       its delegation are SUSPENDED.</li>
 * </ol>
 * The steps share state and run in order; each names its step in its assertions.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SoundSharingIT {

    private static final String HF = "helse-bergen";
    /** The unit of V1001, the employee behind the demo user vest-employee (who must confirm the delegation). */
    private static final String UNIT = "Medisinsk sengepost 3";
    private static final String WORKER_NUMBER = "V1001";
    private static final String COMPETENCE = "EKG";
    private static final String PROBLEM = "application/problem+json";
    private static final String RULES = "https://torn.no/rules/";
    private static final Duration ASYNC = Duration.ofSeconds(30);

    /** HIGH risk, requires a health professional, closed to staff without health training. */
    private static final String TASK = "SND-EKG-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private static String worker;
    private static String mappingId;
    private static String clarificationId;
    private static String delegationId;

    @Test
    @Order(1)
    void step1_theRhfRegistersAHighRiskTaskForHealthProfessionals() {
        Scenario.createTask("vest-admin", TASK, false, "Registrering av EKG ved brystsmerter", "CLINICAL", "HIGH",
                List.of(COMPETENCE));
        Gateway.as("vest-leader").get("/api/v1/tasks/" + TASK).then().statusCode(200);
        // An authorisation is held only with an HPR number (R-AUTH-01), so the feed carries it.
        Response imported = Gateway.asHrIntegration("helse-vest").contentType("text/csv; charset=UTF-8").body("""
                hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,validUntil,evidenceDocumentReference
                helse-bergen,V1001,Helga Helsefagarbeider,Medisinsk sengepost 3,helsefagarbeider,91001001,AUT-HELSEFAGARBEIDER,2019-08-15,,HPR-2019-1001
                helse-bergen,V1001,Helga Helsefagarbeider,Medisinsk sengepost 3,helsefagarbeider,91001001,EKG,2024-01-15,,
                """).post("/api/v1/competence/imports");
        assertThat(imported.statusCode()).as("step 1: HR import of the health worker, answer %s", imported.asString())
                .isEqualTo(200);
        worker = Scenario.employeeId(HF, WORKER_NUMBER);
        assertThat(worker).as("step 1: the HR import registers %s", WORKER_NUMBER).isNotNull();
    }

    @Test
    @Order(2)
    void step2_thePorterCaseIsRefusedNamingBothRules() {
        Map<String, Object> body = clarificationBody();
        body.put("taskCode", TASK);
        body.put("delegatingGroup", "sykepleier");
        body.put("performingGroup", "portor");
        // The responsibility service learns of the task from task events: until then the task is unknown to it
        // (a 422 with violations, no rules). Wait for a decision, then judge it.
        AtomicReference<Response> answer = new AtomicReference<>();
        await("step 2: the responsibility service decides on the porter clarification").atMost(ASYNC)
                .pollInterval(Duration.ofMillis(200)).until(() -> {
                    answer.set(jsonAs("vest-leader").body(body).post("/api/v1/responsibility/clarifications"));
                    return answer.get().statusCode() != 422 || answer.get().path("rules") != null;
                });
        Response refused = answer.get();
        String problem = refused.asString();
        assertThat(refused.statusCode()).as("step 2: status of the porter clarification, answer %s", problem)
                .isEqualTo(422);
        assertThat(refused.contentType()).as("step 2: content type, answer %s", problem).startsWith(PROBLEM);
        assertThat(refused.<String>path("type")).as("step 2: problem type, answer %s", problem)
                .isEqualTo(RULES + "R-SHARE-02");
        List<String> rules = refused.path("rules.rule");
        assertThat(rules).as("step 2: unmet rules, answer %s", problem).contains("R-SHARE-02", "R-SHARE-03");
    }

    @Test
    @Order(3)
    void step3_anApprovedMappingMakesTheHealthWorkerEligibleThroughIt() {
        requireEarlierSteps(worker);
        Response created = jsonAs("vest-leader").body(json("taskCode", TASK, "fromGroup", "sykepleier",
                        "toGroup", "helsefagarbeider", "supervisionLevel", "DIRECT",
                        "legalBasis", "Helsepersonelloven § 5", "requiredTraining", "EKG-opplæring med sign-off"))
                .post("/api/v1/sharing-mappings");
        assertThat(created.statusCode()).as("step 3: create the mapping, answer %s", created.asString())
                .isEqualTo(201);
        mappingId = created.path("id");
        String mapping = "/api/v1/sharing-mappings/" + mappingId;
        Response proposed = jsonAs("vest-leader").body(json("version", version(mapping))).post(mapping + "/propose");
        assertThat(proposed.statusCode()).as("step 3: propose the mapping, answer %s", proposed.asString())
                .isEqualTo(200);
        jsonAs("vest-leader").body(json("version", version(mapping))).post(mapping + "/approve")
                .then().statusCode(403);
        Response approved = jsonAs("vest-admin").body(json("version", version(mapping))).post(mapping + "/approve");
        assertThat(approved.statusCode()).as("step 3: approve the mapping, answer %s", approved.asString())
                .isEqualTo(200);
        assertThat(approved.<String>path("status")).as("step 3: mapping status").isEqualTo("APPROVED");

        await("step 3: the health worker becomes eligible through the approved mapping").atMost(ASYNC)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    Response eligible = eligibleStaff();
                    assertThat(eligible.statusCode()).as("eligible staff, answer %s", eligible.asString())
                            .isEqualTo(200);
                    List<Map<String, Object>> items = eligible.path("items");
                    assertThat(items).as("eligible staff of %s", TASK)
                            .anySatisfy(item -> {
                                assertThat(item.get("employeeId")).isEqualTo(worker);
                                assertThat(item.get("basis")).isEqualTo("MAPPING");
                                assertThat(item.get("mappingId")).isEqualTo(mappingId);
                                assertThat(item.get("supervisionLevel")).isEqualTo("DIRECT");
                            });
                });
    }

    @Test
    @Order(4)
    void step4_aClarificationAndAConfirmedDelegationPutTheHealthWorkerToWork() {
        requireEarlierSteps(mappingId);
        clarificationId = Scenario.approvedClarification(mappingId, UNIT);
        await("step 4: the clarification is in force").atMost(ASYNC).pollInterval(Duration.ofMillis(200))
                .until(() -> "ACTIVE".equals(clarification().path("status")));
        assertThat(clarification().<String>path("appliedMappingId")).as("step 4: the clarification applies the mapping")
                .isEqualTo(mappingId);

        delegationId = Scenario.delegation(clarificationId, worker);
        String delegation = "/api/v1/responsibility/delegations/" + delegationId;
        Response created = Gateway.as("vest-leader").get(delegation);
        assertThat(created.<String>path("status")).as("step 4: a new delegation awaits confirmation")
                .isEqualTo("CREATED");
        long version = created.<Number>path("version").longValue();
        Response confirmed = jsonAs("vest-employee").body(json("version", version, "consideredCompetent", true))
                .post("/api/v1/responsibility/me/delegations/" + delegationId + "/confirm");
        assertThat(confirmed.statusCode()).as("step 4: the health worker confirms, answer %s", confirmed.asString())
                .isEqualTo(200);
        assertThat(delegation().<String>path("status")).as("step 4: the confirmed delegation").isEqualTo("ACTIVE");
    }

    @Test
    @Order(5)
    void step5_retiringTheMappingEndsEligibilityAndSuspendsTheClarificationAndDelegation() {
        requireEarlierSteps(delegationId);
        String mapping = "/api/v1/sharing-mappings/" + mappingId;
        Response retired = jsonAs("vest-admin").body(json("version", version(mapping))).post(mapping + "/retire");
        assertThat(retired.statusCode()).as("step 5: the RHF retires the mapping, answer %s", retired.asString())
                .isEqualTo(200);
        assertThat(retired.<String>path("status")).as("step 5: mapping status").isEqualTo("RETIRED");

        await("step 5: the health worker is no longer eligible once the mapping is retired").atMost(ASYNC)
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    Response eligible = eligibleStaff();
                    assertThat(eligible.statusCode()).as("eligible staff, answer %s", eligible.asString())
                            .isEqualTo(200);
                    List<String> employees = eligible.path("items.employeeId");
                    assertThat(employees).as("eligible staff of %s", TASK).doesNotContain(worker);
                });
        await("step 5: the delegation is suspended by the retired mapping").atMost(ASYNC)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(delegation().<String>path("status")).isEqualTo("SUSPENDED"));
        await("step 5: the clarification is suspended by the retired mapping").atMost(ASYNC)
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(clarification().<String>path("status")).isEqualTo("SUSPENDED"));
    }

    // ---- helpers ----

    private static Map<String, Object> clarificationBody() {
        LocalDate today = LocalDate.now();
        return json("hf", HF, "unit", UNIT,
                "supervisorRole", "Ansvarlig sykepleier på vakt", "legalBasis", "Helsepersonelloven §§ 4 og 5",
                "riskAssessment", "Høy risiko: feil EKG kan forsinke behandling.",
                "conditions", "Kun under direkte tilsyn.", "activeFrom", today.toString(),
                "reviewDate", today.plusYears(1).toString(),
                "parties", List.of(json("raci", "ACCOUNTABLE", "party", "Avdelingsleder"),
                        json("raci", "RESPONSIBLE", "party", "Portør"),
                        json("raci", "CONSULTED", "party", "Sykepleier")));
    }

    private static Response eligibleStaff() {
        return Gateway.as("vest-leader").queryParam("hf", HF)
                .queryParam("unit", URLEncoder.encode(UNIT, StandardCharsets.UTF_8).replace("+", "%20"))
                .queryParam("size", 200)
                .get("/api/v1/tasks/" + TASK + "/eligible-staff");
    }

    private static Response clarification() {
        return Gateway.as("vest-leader").get("/api/v1/responsibility/clarifications/" + clarificationId);
    }

    private static Response delegation() {
        return Gateway.as("vest-leader").get("/api/v1/responsibility/delegations/" + delegationId);
    }

    private static long version(String path) {
        return Gateway.as("vest-admin").get(path).then().statusCode(200).extract().<Number>path("version").longValue();
    }

    private static void requireEarlierSteps(Object state) {
        if (state == null) {
            fail("an earlier step failed; this step builds on it");
        }
    }
}
