package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static no.torn.grants.Fixtures.VEST_HFS;
import static no.torn.grants.Fixtures.json;
import static no.torn.grants.Fixtures.report;
import static no.torn.grants.Fixtures.split;
import static no.torn.grants.Fixtures.submit;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A grant round end to end for Helse Vest, one step per test: pots, split, exact allocation with its arithmetic,
 * applications, decisions within the allocation, reports and the published award list, with the events it publishes.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Steps.class)
class GrantFlowTest {

    private String round;
    private String pot;
    private String first;
    private String second;
    private String bergen1;
    private String bergen2;
    private String stavangerA;
    private String stavangerB;
    private String fonna;
    private String progress;
    private String fin;

    private static Response decide(String id, Map<String, Object> body) {
        return as("vest-admin").body(body).post("/api/v1/grants/applications/" + id + "/decision");
    }

    private static int version(String path) {
        return Fixtures.version("vest-admin", path);
    }

    private static String applicationPath(String id) {
        return "/api/v1/grants/applications/" + id;
    }

    @Test
    @Order(1)
    void roundOpensWithItsPots() {
        round = Fixtures.openRound(2026, Fixtures.unique("flow"));
        pot = "/api/v1/grants/rounds/" + round + "/pots/helse-vest";
        as("vest-national").get("/api/v1/grants/rounds/" + round).then().statusCode(200)
                .body("pots.rhf", hasItems("helse-vest", "helse-sor-ost"));
    }

    @Test
    @Order(2)
    void splitRefusesInvalidInputsPrecisely() {
        int potVersion = version(pot);
        as("vest-admin").body(split(potVersion, 300_000, List.of(json("hf", "helse-bergen", "baseFrame", 0))))
                .put(pot + "/split").then().statusCode(400)
                .body("violations.field", hasItem("participants[0].baseFrame"));
        as("vest-admin").body(split(potVersion, 2_000_000, VEST_HFS)).put(pot + "/split")
                .then().statusCode(422).body("detail", containsString("cannot cover the minimum amount"));
        as("vest-admin").body(split(potVersion, 300_000, List.of(json("hf", "helse-bergen", "baseFrame", 1),
                        json("hf", "helse-bergen", "baseFrame", 2))))
                .put(pot + "/split").then().statusCode(422).body("violations.field", hasItem("participants[1].hf"));
        as("vest-admin").body(split(potVersion, 300_000, List.of(json("hf", "ous", "baseFrame", 1))))
                .put(pot + "/split").then().statusCode(403);
        as("vest-admin").body(json("rhfActivitiesAmount", 4_900_000, "evaluationReserve", 200_000,
                        "minimumAmount", 0, "participants", VEST_HFS, "version", potVersion))
                .put(pot + "/split").then().statusCode(422).body("detail", containsString("evaluation reserve"));
        as("vest-admin").body(split(potVersion + 7, 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(409);
        as("sorost-admin").body(split(potVersion, 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(404);
        as("sorost-admin").get(pot).then().statusCode(404);
        as("vest-hr").body(split(potVersion, 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(403);
    }

    @Test
    @Order(3)
    void splitIsStored() {
        // 10 % of 5 000 000 = 500 000 to RHF activities, 200 001 reserve, HF pot 4 299 999.
        as("vest-admin").body(split(version(pot), 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(200)
                .body("split.rhfActivities", equalTo(500_000)).body("split.hfPot", equalTo(4_299_999));
    }

    @Test
    @Order(4)
    void allocationIsExactToTheKroneWithItsArithmetic() {
        // 4 299 999 − 4·300 000 = 3 099 999 over ΣB = 100. Floors 1 239 999 / 929 999 / 619 999 / 309 999
        // (remainders 60, 70, 80, 90 hundredths), 3 kroner left → forde, fonna, stavanger.
        first = as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/grants/allocations/"))
                .body("allocationVersion", equalTo(1)).body("current", equalTo(true))
                .body("hfPot", equalTo(4_299_999))
                .body("shares.find { it.hf == 'helse-bergen' }.amount", equalTo(1_539_999))
                .body("shares.find { it.hf == 'helse-stavanger' }.amount", equalTo(1_230_000))
                .body("shares.find { it.hf == 'helse-fonna' }.amount", equalTo(920_000))
                .body("shares.find { it.hf == 'helse-forde' }.amount", equalTo(610_000))
                .body("arithmetic.distributable", equalTo(3_099_999))
                .body("arithmetic.roundingUnits", equalTo(3))
                .body("arithmetic.shares.find { it.hf == 'helse-bergen' }.proportionalFraction",
                        equalTo("6199998/5"))
                .body("arithmetic.shares.find { it.hf == 'helse-bergen' }.roundingAdjustment", equalTo(0))
                .body("arithmetic.shares.find { it.hf == 'helse-forde' }.proportionalFloor", equalTo(309_999))
                .body("arithmetic.shares.find { it.hf == 'helse-forde' }.remainder", equalTo("90/100"))
                .body("arithmetic.shares.find { it.hf == 'helse-forde' }.roundingAdjustment", equalTo(1))
                .body("inputs.participants", hasSize(4))
                .body("inputs.rhfActivitiesPercent", equalTo(10.0f))
                .extract().path("id");
    }

    @Test
    @Order(5)
    void recomputationIsANewVersionReadableOnlyInTheRhf() {
        second = as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations")
                .then().statusCode(201).body("allocationVersion", equalTo(2)).extract().path("id");
        as("vest-hr").get("/api/v1/grants/allocations/" + first).then().statusCode(200)
                .body("current", equalTo(false));
        as("vest-employee").get("/api/v1/grants/allocations?roundId=" + round).then().statusCode(200)
                .body("total", equalTo(2));
        as("sorost-admin").get("/api/v1/grants/allocations/" + second).then().statusCode(404);
        as("sorost-admin").get("/api/v1/grants/allocations?roundId=" + round).then().statusCode(200)
                .body("total", equalTo(0));
        as("sorost-admin").body(json("roundId", round, "rhf", "helse-vest")).post("/api/v1/grants/allocations")
                .then().statusCode(403);
        as("vest-hr").body(json("roundId", round)).post("/api/v1/grants/allocations").then().statusCode(403);
    }

    @Test
    @Order(6)
    void whatIfComputesTheSameWithoutSaving() {
        as("vest-hr").body(json("rhfPot", 5_000_000, "rhfActivitiesPercent", 10, "evaluationReserve", 200_001,
                        "minimumAmount", 300_000, "participants", VEST_HFS))
                .post("/api/v1/grants/allocations/what-if").then().statusCode(200)
                .body("split.hfPot", equalTo(4_299_999))
                .body("arithmetic.shares.find { it.hf == 'helse-bergen' }.amount", equalTo(1_539_999));
        as("vest-hr").body(json("rhfPot", 100, "minimumAmount", 60, "participants", VEST_HFS))
                .post("/api/v1/grants/allocations/what-if").then().statusCode(422);
        as("vest-admin").get("/api/v1/grants/allocations?roundId=" + round).then().body("total", equalTo(2));
    }

    @Test
    @Order(7)
    void applicationsAreForTheCallersOwnHfAndValidated() {
        bergen1 = submit("vest-hr", round, "helse-bergen", 1_000_000);
        as("vest-hr").body(json("roundId", round, "hf", "helse-stavanger", "title", "x", "department", "y",
                        "fromGroup", "lege", "toGroup", "sykepleier", "description", "z", "kind", "ONGOING",
                        "requestedAmount", 1, "contactName", "a", "contactEmail", "a@example.org"))
                .post("/api/v1/grants/applications").then().statusCode(403);
        as("vest-admin").body(json("roundId", round, "hf", "ous", "title", "x", "department", "y",
                        "fromGroup", "lege", "toGroup", "sykepleier", "description", "z", "kind", "ONGOING",
                        "requestedAmount", 1, "contactName", "a", "contactEmail", "a@example.org"))
                .post("/api/v1/grants/applications").then().statusCode(403);
        as("vest-admin").body(json("roundId", round, "hf", "helse-bergen", "title", "x", "department", "y",
                        "fromGroup", "doctor", "toGroup", "sykepleier", "description", "z", "kind", "SOMETIMES",
                        "requestedAmount", -1, "contactName", "a", "contactEmail", "not-an-email"))
                .post("/api/v1/grants/applications").then().statusCode(400);
        as("vest-admin").body(json("roundId", round, "hf", "helse-bergen", "title", "x", "department", "y",
                        "fromGroup", "doctor", "toGroup", "sykepleier", "description", "z", "kind", "ONGOING",
                        "requestedAmount", -1, "contactName", "a", "contactEmail", "not-an-email"))
                .post("/api/v1/grants/applications").then().statusCode(400)
                .body("violations.field", hasItems("fromGroup", "requestedAmount", "contactEmail"));
        bergen2 = submit("vest-admin", round, "helse-bergen", 600_000);
        stavangerA = submit("vest-admin", round, "helse-stavanger", 700_000);
        stavangerB = submit("vest-admin", round, "helse-stavanger", 700_000);
        fonna = submit("vest-admin", round, "helse-fonna", 100_000);
    }

    @Test
    @Order(8)
    void applicationsStayInTheirRhf() {
        as("sorost-admin").get(applicationPath(bergen1)).then().statusCode(404);
        as("sorost-admin").body(json("score", 3, "comment", "x"))
                .post(applicationPath(bergen1) + "/reviews").then().statusCode(404);
        as("sorost-admin").get("/api/v1/grants/applications?roundId=" + round).then().body("total", equalTo(0));
        as("vest-auditor").get("/api/v1/grants/applications?roundId=" + round + "&hf=helse-bergen")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    @Order(9)
    void grantsWaitUntilTheAllocationsAreLocked() {
        as("vest-admin").body(json("score", 4, "comment", "Godt forankret i klinikken"))
                .post(applicationPath(bergen1) + "/reviews").then().statusCode(201);
        as("vest-admin").get(applicationPath(bergen1)).then()
                .body("status", equalTo("UNDER_REVIEW")).body("reviews[0].score", equalTo(4));
        decide(bergen1, json("outcome", "GRANTED", "grantedAmount", 1_000_000, "version",
                version(applicationPath(bergen1))))
                .then().statusCode(422).body("detail", containsString("locked"));

        String roundPath = "/api/v1/grants/rounds/" + round;
        int roundVersion = Fixtures.version("vest-national", roundPath);
        as("vest-admin").body(json("status", "ALLOCATED", "version", roundVersion))
                .post(roundPath + "/status").then().statusCode(403);
        // The round closes only once every pot is locked; the refusal names each pot that is not.
        as("vest-national").body(json("status", "CLOSED", "version", roundVersion))
                .post(roundPath + "/status").then().statusCode(422)
                .body("detail", containsString("helse-vest"))
                .body("detail", containsString("helse-sor-ost"));
        as("vest-national").body(json("status", "ALLOCATED", "version", roundVersion))
                .post(roundPath + "/status").then().statusCode(200)
                .body("status", equalTo("ALLOCATED"));
        as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations").then().statusCode(422);
        as("vest-admin").body(split(version(pot), 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(422);
    }

    @Test
    @Order(10)
    void grantsStayWithinTheHfsAllocation() {
        // Bergen has 1 539 999: 1 000 000 + 539 999 fit, 540 000 would not.
        decide(bergen1, json("outcome", "GRANTED", "grantedAmount", 1_000_000, "version", 99))
                .then().statusCode(409);
        decide(bergen1, json("outcome", "GRANTED", "version", version(applicationPath(bergen1))))
                .then().statusCode(400);
        decide(bergen1, json("outcome", "GRANTED", "grantedAmount", 1_000_000,
                "version", version(applicationPath(bergen1))))
                .then().statusCode(200).body("status", equalTo("GRANTED")).body("grantedAmount", equalTo(1_000_000));
        decide(bergen2, json("outcome", "GRANTED", "grantedAmount", 540_000,
                "version", version(applicationPath(bergen2))))
                .then().statusCode(422).body("detail", containsString("539999 NOK available"));
        decide(bergen2, json("outcome", "GRANTED", "grantedAmount", 539_999,
                "version", version(applicationPath(bergen2))))
                .then().statusCode(200);
        as("vest-admin").get("/api/v1/grants/allocations/" + second).then()
                .body("shares.find { it.hf == 'helse-bergen' }.available", equalTo(0));
        decide(fonna, json("outcome", "REJECTED", "version", version(applicationPath(fonna)))).then().statusCode(400);
        decide(fonna, json("outcome", "REJECTED", "reason", "Mangler forankring",
                "version", version(applicationPath(fonna))))
                .then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    @Order(11)
    void aDecidedApplicationCannotBeDecidedAgain() {
        decide(bergen1, json("outcome", "REJECTED", "reason", "x", "version", version(applicationPath(bergen1))))
                .then().statusCode(409).body("detail", containsString("cannot move from GRANTED to REJECTED"));
        as("vest-admin").body(json("score", 2, "comment", "for sent"))
                .post(applicationPath(fonna) + "/reviews").then().statusCode(409);
    }

    @Test
    @Order(12)
    void concurrentGrantsNeverExceedTheAllocation() throws Exception {
        // Two concurrent grants of 700 000 against Stavanger's 1 230 000: exactly one fits.
        List<Integer> statuses = concurrently(
                () -> decide(stavangerA, json("outcome", "GRANTED", "grantedAmount", 700_000,
                        "version", version(applicationPath(stavangerA)))).statusCode(),
                () -> decide(stavangerB, json("outcome", "GRANTED", "grantedAmount", 700_000,
                        "version", version(applicationPath(stavangerB)))).statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        as("vest-admin").get("/api/v1/grants/allocations/" + second).then()
                .body("shares.find { it.hf == 'helse-stavanger' }.granted", equalTo(700_000));
    }

    @Test
    @Order(13)
    void progressReportsAreApprovedWithoutClosingTheProject() {
        as("vest-admin").body(report(fonna, "PROGRESS")).post("/api/v1/grants/reports").then().statusCode(422);
        // Hours moved have two decimals, as a process mapping reports them: 1.69 is kept, a third decimal is a 400.
        Map<String, Object> tooPrecise = report(bergen1, "PROGRESS");
        tooPrecise.put("hoursPerWeekMoved", new java.math.BigDecimal("1.695"));
        as("vest-hr").body(tooPrecise).post("/api/v1/grants/reports").then().statusCode(400)
                .body("violations.field", hasItem("hoursPerWeekMoved"));
        Map<String, Object> body = report(bergen1, "PROGRESS");
        body.put("hoursPerWeekMoved", new java.math.BigDecimal("1.69"));
        progress = as("vest-hr").body(body).post("/api/v1/grants/reports")
                .then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("hoursPerWeekMoved", equalTo(1.69f)).extract().path("id");
        as("vest-admin").get("/api/v1/grants/reports/" + progress).then().statusCode(200)
                .body("hoursPerWeekMoved", equalTo(1.69f));
        as("sorost-admin").get("/api/v1/grants/reports/" + progress).then().statusCode(404);
        as("sorost-admin").body(report(bergen1, "PROGRESS")).post("/api/v1/grants/reports").then().statusCode(422);
        as("vest-hr").body(json("version", 0)).post("/api/v1/grants/reports/" + progress + "/approve")
                .then().statusCode(403);
        as("vest-admin").body(json("version", 0)).post("/api/v1/grants/reports/" + progress + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as("vest-admin").body(json("version", 1, "comment", "igjen"))
                .post("/api/v1/grants/reports/" + progress + "/return").then().statusCode(409);
        as("vest-admin").get(applicationPath(bergen1)).then().body("status", equalTo("GRANTED"));
    }

    @Test
    @Order(14)
    void anApprovedFinalReportClosesTheProject() {
        fin = as("vest-hr").body(report(bergen1, "FINAL")).post("/api/v1/grants/reports")
                .then().statusCode(201).extract().path("id");
        as("vest-hr").body(report(bergen1, "FINAL")).post("/api/v1/grants/reports").then().statusCode(409);
        as("vest-admin").body(json("version", 0)).post("/api/v1/grants/reports/" + fin + "/return")
                .then().statusCode(400);
        as("vest-admin").body(json("version", 0, "comment", "Godkjent")).post("/api/v1/grants/reports/" + fin
                + "/approve").then().statusCode(200);
        as("vest-admin").get(applicationPath(bergen1)).then().body("status", equalTo("CLOSED"))
                .body("closedAt", not(nullValue()));
        as("vest-hr").body(report(bergen1, "PROGRESS")).post("/api/v1/grants/reports").then().statusCode(422);
        as("vest-auditor").get("/api/v1/grants/reports?applicationId=" + bergen1).then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    @Order(15)
    void theAwardListIsOpenToEveryRhfWithoutContactDetails() {
        // A GRANTED decision is not public until the RHF publishes it.
        as("sorost-employee").get("/api/v1/grants/awards?rhf=helse-vest&year=2026&size=200").then().statusCode(200)
                .body("items.applicationId", not(hasItem(bergen1)));
        as("sorost-admin").body(json("version", version(applicationPath(bergen1))))
                .post("/api/v1/grants/awards/" + bergen1 + "/publish").then().statusCode(404);
        for (String award : List.of(bergen1, bergen2)) {
            as("vest-admin").body(json("version", version(applicationPath(award))))
                    .post("/api/v1/grants/awards/" + award + "/publish").then().statusCode(200)
                    .body("published", equalTo(true));
        }
        as("vest-admin").body(json("version", version(applicationPath(fonna))))
                .post("/api/v1/grants/awards/" + fonna + "/publish").then().statusCode(422)
                .body("type", containsString("R-AWARD-01"));
        as("sorost-employee").get("/api/v1/grants/awards?rhf=helse-vest&year=2026&size=200").then().statusCode(200)
                .body("items.findAll { it.roundId == '" + round + "' }.applicationId",
                        hasItems(bergen1, bergen2))
                .body("items.findAll { it.roundId == '" + round + "' }.applicationId", not(hasItem(fonna)))
                .body("items.find { it.applicationId == '" + bergen1 + "' }.completed", equalTo(true))
                .body("items.find { it.applicationId == '" + bergen1 + "' }.hfName", equalTo("Helse Bergen HF"))
                .body("items[0].contactEmail", nullValue());
        io.restassured.RestAssured.given().get("/api/v1/open-data/awards?rhf=helse-vest&year=2026&size=200")
                .then().statusCode(200)
                .body("items.find { it.applicationId == '" + bergen2 + "' }.amount", equalTo(539_999));
        as("sorost-employee").get("/api/v1/grants/awards?rhf=helse-ukjent").then().statusCode(400);
    }

    @Test
    @Order(16)
    void aClosedRoundTakesNoApplications() {
        String roundPath = "/api/v1/grants/rounds/" + round;
        as("vest-national").body(json("status", "CLOSED", "version", Fixtures.version("vest-national", roundPath)))
                .post(roundPath + "/status").then().statusCode(200);
        as("vest-hr").body(Fixtures.application(round, "helse-bergen", 1))
                .post("/api/v1/grants/applications").then().statusCode(422);
    }

    @Test
    @Order(17)
    void theEventsMatchTheirSchemas() {
        List<TopicReader.Event> events = Fixtures.eventsAbout(
                List.of(round, first, second, bergen1, bergen2, fonna, progress, fin), 13);
        assertThat(events).extracting(TopicReader.Event::type).contains(
                "no.torn.grants.round-opened.v1", "no.torn.grants.allocation-computed.v1",
                "no.torn.grants.application-submitted.v1", "no.torn.grants.application-decided.v1",
                "no.torn.grants.report-approved.v1", "no.torn.grants.award-published.v1");
        assertThat(events.stream().filter(e -> e.subject().equals(bergen1)
                && e.type().equals("no.torn.grants.application-submitted.v1"))).hasSize(1);
        // The round is announced nationally without pots, and on each RHF's topic with that RHF's pot only.
        var opened = events.stream().filter(e -> e.subject().equals(round)).toList();
        assertThat(opened).extracting(e -> e.cloudEvent().path("rhf").asText()).contains("national", "helse-vest")
                .doesNotHaveDuplicates();
        assertThat(opened).allSatisfy(e -> {
            String rhf = e.cloudEvent().path("rhf").asText();
            var pots = e.data().path("pots");
            if (rhf.equals("national")) {
                assertThat(pots).isEmpty();
            } else {
                assertThat(pots).hasSize(1);
                assertThat(pots.get(0).path("rhf").asText()).isEqualTo(rhf);
            }
        });
        assertThat(Fixtures.data(events, "no.torn.grants.allocation-computed.v1", first).path("hfPot").asLong())
                .isEqualTo(4_299_999);
        assertThat(Fixtures.data(events, "no.torn.grants.application-decided.v1", bergen2).path("grantedAmount")
                .asLong()).isEqualTo(539_999);
        assertThat(Fixtures.data(events, "no.torn.grants.report-approved.v1", fin).path("projectStatus").asText())
                .isEqualTo("CLOSED");
        assertThat(events).allSatisfy(e -> assertThat(e.key()).isEqualTo(e.subject()));
    }

    @SafeVarargs
    private static List<Integer> concurrently(Callable<Integer>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (Callable<Integer> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
