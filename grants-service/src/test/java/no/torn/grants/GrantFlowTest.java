package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.torn.platform.testing.TestTokens;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static no.torn.grants.Api.as;
import static no.torn.grants.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * A grant round end to end for Helse Vest: pots, split, exact allocation with its arithmetic, applications,
 * decisions within the allocation, reports and the published award list, with the events it publishes.
 */
@QuarkusTest
class GrantFlowTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String openRound(String programme) {
        return as("vest-national").body(json("year", 2026, "programme", programme, "title", "TØRN 2026",
                        "nationalAmount", 30_000_000, "pots", List.of(
                                json("rhf", "helse-vest", "amount", 5_000_000),
                                json("rhf", "helse-sor-ost", "amount", 10_000_000))))
                .post("/api/v1/grants/rounds")
                .then().statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("pots.rhf", hasItems("helse-vest", "helse-sor-ost"))
                .extract().path("id");
    }

    private static Map<String, Object> split(long version, long minimum, List<Map<String, Object>> participants) {
        return json("rhfActivitiesPercent", 10, "evaluationReserve", 200_001, "minimumAmount", minimum,
                "participants", participants, "version", version);
    }

    private static final List<Map<String, Object>> VEST_HFS = List.of(
            json("hf", "helse-bergen", "baseFrame", 40), json("hf", "helse-stavanger", "baseFrame", 30),
            json("hf", "helse-fonna", "baseFrame", 20), json("hf", "helse-forde", "baseFrame", 10));

    private String submit(String user, String roundId, String hf, long requested, String key) {
        var spec = as(user);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.body(json("roundId", roundId, "hf", hf, "title", "Portører overtar pasienttransport",
                        "department", "Medisinsk klinikk", "fromGroup", "sykepleier", "toGroup", "portor",
                        "taskCodes", List.of("PASIENTTRANSPORT"), "description", "Portørene tar over transport.",
                        "kind", "PLANNED", "requestedAmount", requested, "contactName", "Kari Nordmann",
                        "contactEmail", "kari@example.org"))
                .post("/api/v1/grants/applications")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");
    }

    private Response decide(String id, Map<String, Object> body) {
        return as("vest-admin").body(body).post("/api/v1/grants/applications/" + id + "/decision");
    }

    private int version(String path) {
        return as("vest-admin").get(path).then().statusCode(200).extract().path("version");
    }

    @Test
    void roundFromSplitToAwards() throws Exception {
        String programme = Api.unique("flow");
        String round = openRound(programme);
        String pot = "/api/v1/grants/rounds/" + round + "/pots/helse-vest";

        // The split: invalid inputs first, each answered precisely.
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

        // 10 % of 5 000 000 = 500 000 to RHF activities, 200 001 reserve, HF pot 4 299 999.
        as("vest-admin").body(split(potVersion, 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(200)
                .body("split.rhfActivities", equalTo(500_000)).body("split.hfPot", equalTo(4_299_999));

        // Allocation: 4 299 999 − 4·300 000 = 3 099 999 over ΣB = 100. Floors 1 239 999 / 929 999 / 619 999 /
        // 309 999 (remainders 60, 70, 80, 90 hundredths), 3 kroner left → forde, fonna, stavanger.
        String first = as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations")
                .then().statusCode(201)
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
        String second = as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations")
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

        // What-if computes the same without saving.
        as("vest-hr").body(json("rhfPot", 5_000_000, "rhfActivitiesPercent", 10, "evaluationReserve", 200_001,
                        "minimumAmount", 300_000, "participants", VEST_HFS))
                .post("/api/v1/grants/allocations/what-if").then().statusCode(200)
                .body("split.hfPot", equalTo(4_299_999))
                .body("arithmetic.shares.find { it.hf == 'helse-bergen' }.amount", equalTo(1_539_999));
        as("vest-hr").body(json("rhfPot", 100, "minimumAmount", 60, "participants", VEST_HFS))
                .post("/api/v1/grants/allocations/what-if").then().statusCode(422);
        as("vest-admin").get("/api/v1/grants/allocations?roundId=" + round).then().body("total", equalTo(2));

        // Applications: own HF only, idempotent by key.
        String key = Api.unique("key");
        String bergen1 = submit("vest-hr", round, "helse-bergen", 1_000_000, key);
        assertThat(submit("vest-hr", round, "helse-bergen", 1_000_000, key)).isEqualTo(bergen1);
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
        String bergen2 = submit("vest-admin", round, "helse-bergen", 600_000, null);
        String stavangerA = submit("vest-admin", round, "helse-stavanger", 700_000, null);
        String stavangerB = submit("vest-admin", round, "helse-stavanger", 700_000, null);
        String fonna = submit("vest-admin", round, "helse-fonna", 100_000, null);

        as("sorost-admin").get("/api/v1/grants/applications/" + bergen1).then().statusCode(404);
        as("sorost-admin").body(json("score", 3, "comment", "x"))
                .post("/api/v1/grants/applications/" + bergen1 + "/reviews").then().statusCode(404);
        as("sorost-admin").get("/api/v1/grants/applications?roundId=" + round).then().body("total", equalTo(0));
        as("vest-auditor").get("/api/v1/grants/applications?roundId=" + round + "&hf=helse-bergen")
                .then().statusCode(200).body("total", equalTo(2));

        // Granting waits until the allocations are locked.
        as("vest-admin").body(json("score", 4, "comment", "Godt forankret i klinikken"))
                .post("/api/v1/grants/applications/" + bergen1 + "/reviews").then().statusCode(201);
        as("vest-admin").get("/api/v1/grants/applications/" + bergen1).then()
                .body("status", equalTo("UNDER_REVIEW")).body("reviews[0].score", equalTo(4));
        String bergen1Path = "/api/v1/grants/applications/" + bergen1;
        decide(bergen1, json("outcome", "GRANTED", "grantedAmount", 1_000_000, "version", version(bergen1Path)))
                .then().statusCode(422).body("detail", containsString("locked"));

        int roundVersion = as("vest-national").get("/api/v1/grants/rounds/" + round).then().extract().path("version");
        as("vest-admin").body(json("status", "ALLOCATED", "version", roundVersion))
                .post("/api/v1/grants/rounds/" + round + "/status").then().statusCode(403);
        as("vest-national").body(json("status", "CLOSED", "version", roundVersion))
                .post("/api/v1/grants/rounds/" + round + "/status").then().statusCode(422);
        as("vest-national").body(json("status", "ALLOCATED", "version", roundVersion))
                .post("/api/v1/grants/rounds/" + round + "/status").then().statusCode(200)
                .body("status", equalTo("ALLOCATED"));
        as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations").then().statusCode(422);
        as("vest-admin").body(split(version(pot), 300_000, VEST_HFS)).put(pot + "/split").then().statusCode(422);

        // Bergen has 1 539 999: 1 000 000 + 539 999 fit, 540 000 would not.
        decide(bergen1, json("outcome", "GRANTED", "grantedAmount", 1_000_000, "version", 99))
                .then().statusCode(409);
        decide(bergen1, json("outcome", "GRANTED", "version", version(bergen1Path))).then().statusCode(400);
        decide(bergen1, json("outcome", "GRANTED", "grantedAmount", 1_000_000, "version", version(bergen1Path)))
                .then().statusCode(200).body("status", equalTo("GRANTED")).body("grantedAmount", equalTo(1_000_000));
        decide(bergen1, json("outcome", "REJECTED", "reason", "x", "version", version(bergen1Path)))
                .then().statusCode(422);
        String bergen2Path = "/api/v1/grants/applications/" + bergen2;
        decide(bergen2, json("outcome", "GRANTED", "grantedAmount", 540_000, "version", version(bergen2Path)))
                .then().statusCode(422).body("detail", containsString("539999 NOK available"));
        decide(bergen2, json("outcome", "GRANTED", "grantedAmount", 539_999, "version", version(bergen2Path)))
                .then().statusCode(200);
        as("vest-admin").get("/api/v1/grants/allocations/" + second).then()
                .body("shares.find { it.hf == 'helse-bergen' }.available", equalTo(0));
        String fonnaPath = "/api/v1/grants/applications/" + fonna;
        decide(fonna, json("outcome", "REJECTED", "version", version(fonnaPath))).then().statusCode(400);
        decide(fonna, json("outcome", "REJECTED", "reason", "Mangler forankring", "version", version(fonnaPath)))
                .then().statusCode(200).body("status", equalTo("REJECTED"));

        // Two concurrent grants of 700 000 against Stavanger's 1 230 000: exactly one fits.
        List<Integer> statuses = concurrently(
                () -> decide(stavangerA, json("outcome", "GRANTED", "grantedAmount", 700_000,
                        "version", version("/api/v1/grants/applications/" + stavangerA))).statusCode(),
                () -> decide(stavangerB, json("outcome", "GRANTED", "grantedAmount", 700_000,
                        "version", version("/api/v1/grants/applications/" + stavangerB))).statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 422);
        as("vest-admin").get("/api/v1/grants/allocations/" + second).then()
                .body("shares.find { it.hf == 'helse-stavanger' }.granted", equalTo(700_000));

        // Reports: progress, then a final report that closes the project once approved.
        as("vest-admin").body(report(fonna, "PROGRESS")).post("/api/v1/grants/reports").then().statusCode(422);
        String progress = as("vest-hr").body(report(bergen1, "PROGRESS")).post("/api/v1/grants/reports")
                .then().statusCode(201).body("status", equalTo("SUBMITTED")).extract().path("id");
        as("sorost-admin").get("/api/v1/grants/reports/" + progress).then().statusCode(404);
        as("sorost-admin").body(report(bergen1, "PROGRESS")).post("/api/v1/grants/reports").then().statusCode(422);
        as("vest-hr").body(json("version", 0)).post("/api/v1/grants/reports/" + progress + "/approve")
                .then().statusCode(403);
        as("vest-admin").body(json("version", 0)).post("/api/v1/grants/reports/" + progress + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));
        as("vest-admin").get(bergen1Path).then().body("status", equalTo("GRANTED"));
        String fin = as("vest-hr").body(report(bergen1, "FINAL")).post("/api/v1/grants/reports")
                .then().statusCode(201).extract().path("id");
        as("vest-hr").body(report(bergen1, "FINAL")).post("/api/v1/grants/reports").then().statusCode(409);
        as("vest-admin").body(json("version", 0)).post("/api/v1/grants/reports/" + fin + "/return")
                .then().statusCode(400);
        as("vest-admin").body(json("version", 0, "comment", "Godkjent")).post("/api/v1/grants/reports/" + fin
                + "/approve").then().statusCode(200);
        as("vest-admin").get(bergen1Path).then().body("status", equalTo("CLOSED"))
                .body("closedAt", not(nullValue()));
        as("vest-hr").body(report(bergen1, "PROGRESS")).post("/api/v1/grants/reports").then().statusCode(422);
        as("vest-auditor").get("/api/v1/grants/reports?applicationId=" + bergen1).then().statusCode(200)
                .body("total", equalTo(2));

        // The award list is open to every RHF, without contact details.
        as("sorost-employee").get("/api/v1/grants/awards?rhf=helse-vest&year=2026&size=200").then().statusCode(200)
                .body("items.findAll { it.roundId == '" + round + "' }.applicationId",
                        hasItems(bergen1, bergen2))
                .body("items.findAll { it.roundId == '" + round + "' }.applicationId", not(hasItem(fonna)))
                .body("items.find { it.applicationId == '" + bergen1 + "' }.completed", equalTo(true))
                .body("items.find { it.applicationId == '" + bergen1 + "' }.hfName", equalTo("Helse Bergen HF"))
                .body("items[0].contactEmail", nullValue());
        as("sorost-auditor").get("/api/v1/grants/awards/export?rhf=helse-vest&year=2026").then().statusCode(200)
                .body("grants.find { it.id == '360G-torn-" + bergen2 + "' }.amountAwarded", equalTo(539_999))
                .body("grants.find { it.id == '360G-torn-" + bergen2 + "' }.currency", equalTo("NOK"))
                .body("grants.find { it.id == '360G-torn-" + bergen2 + "' }.recipientOrganization[0].id",
                        equalTo("NO-HF-helse-bergen"))
                .body("grants.find { it.id == '360G-torn-" + bergen2 + "' }.fundingOrganization[0].name",
                        equalTo("Helse Vest RHF"));
        as("sorost-employee").get("/api/v1/grants/awards?rhf=helse-ukjent").then().statusCode(400);

        // Closing the round.
        roundVersion = as("vest-national").get("/api/v1/grants/rounds/" + round).then().extract().path("version");
        as("vest-national").body(json("status", "CLOSED", "version", roundVersion))
                .post("/api/v1/grants/rounds/" + round + "/status").then().statusCode(200);
        as("vest-hr").body(json("roundId", round, "hf", "helse-bergen", "title", "x", "department", "y",
                        "fromGroup", "lege", "toGroup", "sykepleier", "description", "z", "kind", "ONGOING",
                        "requestedAmount", 1, "contactName", "a", "contactEmail", "a@example.org"))
                .post("/api/v1/grants/applications").then().statusCode(422);

        // What was published, validated against the committed schemas.
        List<TopicReader.Event> events = Api.eventsAbout(bootstrap,
                List.of(round, first, second, bergen1, bergen2, fonna, progress, fin), 11);
        assertThat(events).extracting(TopicReader.Event::type).contains(
                "no.torn.grants.round-opened.v1", "no.torn.grants.allocation-computed.v1",
                "no.torn.grants.application-submitted.v1", "no.torn.grants.application-decided.v1",
                "no.torn.grants.report-approved.v1");
        assertThat(events.stream().filter(e -> e.subject().equals(bergen1)
                && e.type().equals("no.torn.grants.application-submitted.v1"))).hasSize(1);
        var opened = events.stream().filter(e -> e.subject().equals(round)).findFirst().orElseThrow();
        assertThat(opened.cloudEvent().path("rhf").asText()).isEqualTo("national");
        assertThat(Api.data(events, "no.torn.grants.allocation-computed.v1", first).path("hfPot").asLong())
                .isEqualTo(4_299_999);
        assertThat(Api.data(events, "no.torn.grants.application-decided.v1", bergen2).path("grantedAmount")
                .asLong()).isEqualTo(539_999);
        assertThat(Api.data(events, "no.torn.grants.report-approved.v1", fin).path("projectStatus").asText())
                .isEqualTo("CLOSED");
        assertThat(events).allSatisfy(e -> assertThat(e.key()).isEqualTo(e.subject()));
    }

    @Test
    void roundsArePlannedByTheNationalAdmin() {
        String programme = Api.unique("plan");
        as("vest-admin").body(json("year", 2027, "programme", programme, "title", "x", "nationalAmount", 1))
                .post("/api/v1/grants/rounds").then().statusCode(403);
        as("vest-national").body(json("year", 2027, "programme", programme, "title", "x",
                        "nationalAmount", 100, "pots", List.of(json("rhf", "helse-vest", "amount", 101))))
                .post("/api/v1/grants/rounds").then().statusCode(422);
        as("vest-national").body(json("year", 2027, "programme", programme, "title", "x",
                        "nationalAmount", 100, "pots", List.of(json("rhf", "helse-x", "amount", 1))))
                .post("/api/v1/grants/rounds").then().statusCode(400).body("violations.field", hasItem("pots[0].rhf"));
        as("vest-national").body(json("year", 1999, "programme", "Bad Name", "nationalAmount", -1))
                .post("/api/v1/grants/rounds").then().statusCode(400)
                .body("violations.field", hasItems("year", "programme", "title", "nationalAmount"));
        String round = as("vest-national").body(json("year", 2027, "programme", programme, "title", "x",
                        "nationalAmount", 100, "id", "00000000-0000-0000-0000-000000000000", "status", "CLOSED"))
                .post("/api/v1/grants/rounds").then().statusCode(201).body("status", equalTo("OPEN"))
                .body("id", not(equalTo("00000000-0000-0000-0000-000000000000"))).extract().path("id");
        as("vest-national").body(json("year", 2027, "programme", programme, "title", "x", "nationalAmount", 100))
                .post("/api/v1/grants/rounds").then().statusCode(409);

        String pot = "/api/v1/grants/rounds/" + round + "/pots/helse-nord";
        as("vest-national").body(json("amount", 101)).put(pot).then().statusCode(422);
        as("vest-national").body(json("amount", 60)).put(pot).then().statusCode(200).body("version", equalTo(0));
        as("vest-national").body(json("amount", 70)).put(pot).then().statusCode(400);
        as("vest-national").body(json("amount", 70, "version", 5)).put(pot).then().statusCode(409);
        as("vest-national").body(json("amount", 70, "version", 0)).put(pot).then().statusCode(200)
                .body("amount", equalTo(70));
        as("vest-national").body(json("amount", 1)).put("/api/v1/grants/rounds/" + round + "/pots/nowhere")
                .then().statusCode(404);
        as("vest-national").get("/api/v1/grants/rounds/00000000-0000-0000-0000-000000000000").then().statusCode(404);

        // Rounds are national and readable by every role; pots only by their own RHF.
        as("vest-employee").get("/api/v1/grants/rounds/" + round).then().statusCode(200).body("pots", hasSize(0));
        as("vest-national").get("/api/v1/grants/rounds/" + round).then().body("pots.rhf", hasItem("helse-nord"));
        as("vest-employee").get("/api/v1/grants/rounds?year=2027&size=200").then().statusCode(200)
                .body("items.id", hasItem(round));
        as("vest-employee").get(pot).then().statusCode(404);
    }

    @Test
    void bodiesCannotSetTenantStatusOrGrant() {
        String round = openRound(Api.unique("mass"));
        String forged = "00000000-0000-0000-0000-0000000000aa";
        String id = as("vest-hr").body(json("roundId", round, "hf", "helse-bergen", "title", "x", "department", "y",
                        "fromGroup", "lege", "toGroup", "sykepleier", "description", "z", "kind", "ONGOING",
                        "requestedAmount", 10, "contactName", "a", "contactEmail", "a@example.org",
                        "id", forged, "rhf", "helse-sor-ost", "status", "GRANTED", "grantedAmount", 10,
                        "version", 7, "submittedBy", "someone-else"))
                .post("/api/v1/grants/applications").then().statusCode(201)
                .body("rhf", equalTo("helse-vest")).body("status", equalTo("SUBMITTED"))
                .body("grantedAmount", nullValue()).body("version", equalTo(0))
                .extract().path("id");
        assertThat(id).isNotEqualTo(forged);

        // The HR integration of the RHF reads its applications; another RHF's integration does not.
        given().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration("helse-vest")))
                .get("/api/v1/grants/applications?roundId=" + round).then().statusCode(200)
                .body("items.id", hasItem(id));
        given().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration("helse-sor-ost")))
                .get("/api/v1/grants/applications/" + id).then().statusCode(404);
    }

    private static Map<String, Object> report(String application, String kind) {
        return json("applicationId", application, "kind", kind, "summary", "Portørene har tatt over transporten",
                "hoursPerWeekMoved", 12.5, "staffTrained", 8, "delegationsActive", 6);
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
