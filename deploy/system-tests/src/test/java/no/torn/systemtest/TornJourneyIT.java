package no.torn.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static no.torn.systemtest.Gateway.json;
import static no.torn.systemtest.Gateway.jsonAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The TØRN journey end to end, only through the gateway with real tokens, with real Kafka between the services:
 * <ol>
 *   <li>Helse Vest's HR integration imports employees and their competence records for a unit of Helse Bergen (CSV);</li>
 *   <li>a catalogue task that needs competence is mapped from nurses to health workers after a TØRN process
 *       mapping, and the RHF admin approves the sharing mapping;</li>
 *   <li>a unit leader drafts a responsibility clarification, a second unit leader approves it (four eyes), the task
 *       is delegated to a health worker who holds the competence, and the health worker confirms;</li>
 *   <li>the HR integration reports the worker's certificate as expired: within 5 s the delegation is suspended by
 *       events alone, and an HR consumer sees the expiry and the suspension as CloudEvents matching the committed
 *       schemas;</li>
 *   <li>a national admin opens a grant round, the RHF admin computes the HF allocation, Helse Bergen applies, the
 *       application is granted, and the award list and an experience report are readable from Helse Sør-Øst.</li>
 * </ol>
 */
class TornJourneyIT {

    private static final String HF = "helse-bergen";
    private static final String UNIT = "Medisinsk sengepost 3";
    private static final String TASK = "JRN-PVK";
    private static final String COMPETENCE = "PVK";

    private static HrEventConsumer hrConsumer;
    private static long journeyMillis;
    private static long suspensionMillis;

    private final LocalDate today = LocalDate.now();
    private String healthWorker;
    private String mappingId;
    private String delegationId;

    @BeforeAll
    static void hrSystemListens() {
        hrConsumer = new HrEventConsumer(Platform.get().bootstrapServers(), "helse-vest");
    }

    @AfterAll
    static void reportFigures() {
        if (hrConsumer == null) {
            return;
        }
        hrConsumer.close();
        System.out.printf("Journey: %d ms end to end; certificate expiry → delegation suspended in %d ms; "
                        + "event latency commit → HR consumer over %d events: p50 %d ms, p99 %d ms, max %d ms%n",
                journeyMillis, suspensionMillis, hrConsumer.received().size(), hrConsumer.percentile(0.50),
                hrConsumer.percentile(0.99), hrConsumer.percentile(1.0));
    }

    @Test
    void theTornJourney() {
        long start = System.nanoTime();
        hrIntegrationImportsEmployeesAndCompetences();
        taskIsMappedFromNursesToHealthWorkersAfterProcessMapping();
        unitLeadersClarifyResponsibilityAndDelegateToTheHealthWorker();
        expiredCertificateSuspendsTheDelegationByEventsAlone();
        grantRoundEndsInPublicAwardsAndExperience();
        journeyMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        theHrSystemReadItsOwnAndTheNationalEventsOnly();
    }

    /**
     * Step 6: Helse Vest's HR client, which reads without any filter of its own, received Helse Vest's and the
     * national events of the journey (the national task, the round without other RHFs' pots), no other RHF's, and
     * each is valid against its published schema.
     */
    private void theHrSystemReadItsOwnAndTheNationalEventsOnly() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(hrConsumer.ofType("no.torn.task.task-registered.v1"))
                    .anyMatch(e -> "national".equals(e.path("rhf").asText()));
            assertThat(hrConsumer.ofType("no.torn.grants.round-opened.v1")).extracting(e -> e.path("rhf").asText())
                    .contains("national", "helse-vest");
        });
        assertThat(hrConsumer.foreign()).as("events of other RHFs read by Helse Vest's HR client").isEmpty();
        assertThat(hrConsumer.ofType("no.torn.grants.round-opened.v1")).allSatisfy(e ->
                assertThat(e.path("data").path("pots")).allSatisfy(pot ->
                        assertThat(pot.path("rhf").asText()).isEqualTo("helse-vest")));
        Path root = Platform.get().root();
        for (var received : hrConsumer.received()) {
            String[] type = received.cloudEvent().path("type").asText().split("\\.");
            EventSchemas.assertValid(schema(root, type[2] + "-service", type[3]), received.cloudEvent());
        }
    }

    /** Step 1: the RHF's HR system pushes a CSV export; the platform upserts employees and records. */
    private void hrIntegrationImportsEmployeesAndCompetences() {
        JsonNode result = Scenario.importCsv(csv(today.plusYears(2)));
        assertThat(result.path("rows").asInt()).isEqualTo(5);
        assertThat(result.path("employeesCreated").asInt() + result.path("employeesUpdated").asInt()
                + result.path("employeesUnchanged").asInt()).isEqualTo(3);
        healthWorker = Scenario.employeeId(HF, "V1001");
        Gateway.as("vest-employee").get("/api/v1/competence/me").then().statusCode(200);
        Gateway.as("sorost-admin").get("/api/v1/competence/employees/" + healthWorker).then().statusCode(404);
    }

    private String csv(LocalDate pvkValidUntil) {
        return """
                hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,validUntil,evidenceDocumentReference
                helse-bergen,V1001,Helga Helsefagarbeider,Medisinsk sengepost 3,helsefagarbeider,1001001,AUT-HELSEFAGARBEIDER,2019-08-15,,HPR-2019-1001
                helse-bergen,V1001,Helga Helsefagarbeider,Medisinsk sengepost 3,helsefagarbeider,1001001,PVK,2025-03-01,%s,Kursbevis PVK
                helse-bergen,V1002,Sigrid Sykepleier,Medisinsk sengepost 3,sykepleier,1001002,AUT-SYKEPLEIER,2012-06-20,,HPR-2012-1002
                helse-bergen,V1002,Sigrid Sykepleier,Medisinsk sengepost 3,sykepleier,1001002,PVK,2013-01-10,,Kursbevis PVK
                helse-bergen,V1003,Lars Lege,Medisinsk sengepost 3,lege,1001003,AUT-LEGE,2010-01-01,,HPR-2010-1003
                """.formatted(pvkValidUntil);
    }

    /** Step 2: national catalogue task, process mapping through the TØRN phases, proposal, approval. */
    private void taskIsMappedFromNursesToHealthWorkersAfterProcessMapping() {
        Scenario.createTask("vest-national", TASK, true, "Innleggelse av perifert venekateter", "CLINICAL",
                "MEDIUM", List.of(COMPETENCE));
        String processMapping = jsonAs("vest-leader").body(json("hf", HF, "unit", UNIT,
                        "name", "Innkomst på sengepost", "unionRepresentativeInvolved", true,
                        "participants", List.of("Avdelingssykepleier", "Tillitsvalgt NSF", "Helsefagarbeider")))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        String base = "/api/v1/process-mappings/" + processMapping;
        Response step = jsonAs("vest-leader").body(json("version", version(base), "taskCode", TASK,
                        "performerGroup", "sykepleier", "description", "PVK ved innkomst",
                        "occurrencesPerWeek", 40, "minutesPerOccurrence", 15))
                .post(base + "/steps");
        step.then().statusCode(201);
        String stepId = step.path("steps[0].id");
        jsonAs("vest-leader").body(json("version", version(base), "phase", "ANALYSIS")).post(base + "/phase")
                .then().statusCode(200);
        mappingId = jsonAs("vest-leader").body(json("version", version(base), "toGroup", "helsefagarbeider",
                        "supervisionLevel", "AVAILABLE", "legalBasis", "Helsepersonelloven § 5",
                        "requiredTraining", "PVK-kurs og godkjent prosedyre"))
                .post(base + "/steps/" + stepId + "/proposal").then().statusCode(201)
                .extract().path("steps[0].sharingMappingId");
        String mapping = "/api/v1/sharing-mappings/" + mappingId;
        jsonAs("vest-leader").body(json("version", version(mapping))).post(mapping + "/approve")
                .then().statusCode(403);
        jsonAs("vest-admin").body(json("version", version(mapping))).post(mapping + "/approve")
                .then().statusCode(200);
        Gateway.as("vest-employee").get(mapping).then().statusCode(200);
        Gateway.as("sorost-admin").get(mapping).then().statusCode(404);
    }

    /** Step 3: four-eyes approval, delegation to the health worker holding PVK, the worker's own confirmation. */
    private void unitLeadersClarifyResponsibilityAndDelegateToTheHealthWorker() {
        String clarification = Scenario.approvedClarification(mappingId, UNIT);
        delegationId = Scenario.delegation(clarification, healthWorker);
        String delegation = "/api/v1/responsibility/delegations/" + delegationId;
        long version = Gateway.as("vest-leader").get(delegation).then().statusCode(200)
                .extract().<Number>path("version").longValue();
        jsonAs("vest-employee").body(json("version", version, "consideredCompetent", true))
                .post("/api/v1/responsibility/me/delegations/" + delegationId + "/confirm")
                .then().statusCode(200);
        Gateway.as("vest-leader").get(delegation).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        Gateway.as("sorost-admin").get(delegation).then().statusCode(404);
    }

    /** Step 4: the certificate expires in the HR system; only events carry it to the delegation. */
    private void expiredCertificateSuspendsTheDelegationByEventsAlone() {
        JsonNode result = Scenario.importCsv(csv(today.minusDays(1)));
        long imported = System.nanoTime();
        assertThat(result.path("recordsUpdated").asInt()).isEqualTo(1);
        String delegation = "/api/v1/responsibility/delegations/" + delegationId;
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
                "SUSPENDED".equals(Gateway.as("vest-leader").get(delegation).path("status")));
        suspensionMillis = Duration.ofNanos(System.nanoTime() - imported).toMillis();
        Gateway.as("vest-leader").get(delegation).then().body("competenceCode",
                org.hamcrest.Matchers.equalTo(COMPETENCE));

        String bootstrap = Platform.get().bootstrapServers();
        List<TopicReader.Event> expired = TopicReader.await(bootstrap, "torn.helse-vest.competence.v1",
                e -> e.type().equals("no.torn.competence.record-expired.v1")
                        && healthWorker.equals(e.data().path("employeeId").asText())
                        && COMPETENCE.equals(e.data().path("competenceCode").asText()), 1, Duration.ofSeconds(20));
        List<TopicReader.Event> suspended = TopicReader.await(bootstrap, "torn.helse-vest.responsibility.v1",
                e -> e.type().equals("no.torn.responsibility.delegation-suspended.v1")
                        && delegationId.equals(e.subject()), 1, Duration.ofSeconds(20));
        Path root = Platform.get().root();
        EventSchemas.assertValid(schema(root, "competence-service", "record-expired"), expired.get(0).cloudEvent());
        EventSchemas.assertValid(schema(root, "responsibility-service", "delegation-suspended"),
                suspended.get(0).cloudEvent());
        assertThat(suspended.get(0).data().path("competenceCode").asText()).isEqualTo(COMPETENCE);
        assertThat(suspended.get(0).cloudEvent().path("rhf").asText()).isEqualTo("helse-vest");

        // The HR system's own consumer (Helse Vest's topics and the national ones) saw both as well.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(hrConsumer.ofType("no.torn.competence.record-expired.v1"))
                    .anyMatch(e -> healthWorker.equals(e.path("data").path("employeeId").asText()));
            assertThat(hrConsumer.ofType("no.torn.responsibility.delegation-suspended.v1"))
                    .anyMatch(e -> delegationId.equals(e.path("subject").asText()));
        });
    }

    /** Step 5: round, split and allocation, application, grant, public award list and experience report. */
    private void grantRoundEndsInPublicAwardsAndExperience() {
        String round = Scenario.openRound("tor-" + System.nanoTime());
        String pot = "/api/v1/grants/rounds/" + round + "/pots/helse-vest";
        jsonAs("vest-admin").body(json("rhfActivitiesPercent", 10, "evaluationReserve", 200_000,
                        "minimumAmount", 300_000, "version", version(pot), "participants", List.of(
                                json("hf", "helse-bergen", "baseFrame", 40), json("hf", "helse-stavanger", "baseFrame", 30),
                                json("hf", "helse-fonna", "baseFrame", 20), json("hf", "helse-forde", "baseFrame", 10))))
                .put(pot + "/split").then().statusCode(200);
        long bergenShare = jsonAs("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations")
                .then().statusCode(201).extract().<Number>path("shares.find { it.hf == 'helse-bergen' }.amount")
                .longValue();
        assertThat(bergenShare).isPositive();

        String application = jsonAs("vest-hr").body(json("roundId", round, "hf", HF,
                        "title", "Helsefagarbeidere legger inn PVK", "department", "Medisinsk klinikk",
                        "fromGroup", "sykepleier", "toGroup", "helsefagarbeider", "taskCodes", List.of(TASK),
                        "description", "Helsefagarbeidere med PVK-kurs legger inn perifert venekateter ved innkomst.",
                        "kind", "PLANNED", "requestedAmount", 500_000, "contactName", "Helga Helsefagarbeider",
                        "contactEmail", "helga@example.org"))
                .post("/api/v1/grants/applications").then().statusCode(201).extract().path("id");
        String roundPath = "/api/v1/grants/rounds/" + round;
        jsonAs("vest-national").body(json("status", "ALLOCATED", "version", version(roundPath)))
                .post(roundPath + "/status").then().statusCode(200);
        String applicationPath = "/api/v1/grants/applications/" + application;
        jsonAs("vest-admin").body(json("outcome", "GRANTED", "grantedAmount", 450_000,
                        "reason", "Godt forankret", "version", version(applicationPath)))
                .post(applicationPath + "/decision").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("GRANTED"));

        // A grant is public only once the RHF publishes it; then every RHF, and anyone as open data, can read it.
        jsonAs("vest-admin").body(json("version", version(applicationPath)))
                .post("/api/v1/grants/awards/" + application + "/publish").then().statusCode(200);
        List<String> awarded = Gateway.as("sorost-employee").queryParam("rhf", "helse-vest")
                .queryParam("year", today.getYear()).queryParam("size", 200)
                .get("/api/v1/grants/awards").then().statusCode(200).extract().path("items.applicationId");
        assertThat(awarded).contains(application);
        String openData = io.restassured.RestAssured.given().baseUri(Platform.get().gatewayUrl())
                .queryParam("rhf", "helse-vest").queryParam("year", today.getYear()).queryParam("size", 200)
                .get("/api/v1/open-data/awards").then().statusCode(200).extract().asString();
        assertThat(openData).contains(application).doesNotContain("helga@example.org");

        Response report = jsonAs("vest-hr").body(json("hf", HF, "applicationId", application,
                        "title", "PVK flyttet til helsefagarbeidere", "fromGroup", "sykepleier",
                        "toGroup", "helsefagarbeider", "taskCodes", List.of(TASK),
                        "summary", "Helsefagarbeidere legger nå inn PVK ved innkomst.",
                        "lessons", "Opplæring og prosedyre først.", "year", today.getYear()))
                .post("/api/v1/experience/reports");
        report.then().statusCode(201);
        String reportPath = "/api/v1/experience/reports/" + report.path("id");
        Gateway.as("sorost-employee").get(reportPath).then().statusCode(404);
        jsonAs("vest-hr").body(json("version", version(reportPath))).post(reportPath + "/publish")
                .then().statusCode(200);
        Gateway.as("sorost-employee").get(reportPath).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("PUBLISHED"));
    }

    private static long version(String path) {
        return Gateway.as("vest-admin").get(path).then().statusCode(200).extract().<Number>path("version").longValue();
    }

    private static Path schema(Path root, String module, String event) {
        return root.resolve(module + "/src/main/resources/META-INF/resources/events/schemas/" + event + ".v1.json");
    }
}
