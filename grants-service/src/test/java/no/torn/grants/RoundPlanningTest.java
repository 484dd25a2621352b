package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** Rounds are opened and their pots set by the national admin; rounds are national, pots stay in their RHF. */
@QuarkusTest
class RoundPlanningTest {

    private static String openSmallRound(String programme) {
        return as("vest-national").body(json("year", 2027, "programme", programme, "title", "x",
                        "nationalAmount", 100))
                .post("/api/v1/grants/rounds").then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
    }

    @Test
    void onlyTheNationalAdminOpensAValidRound() {
        String programme = Fixtures.unique("plan");
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
        openSmallRound(programme);
        as("vest-national").body(json("year", 2027, "programme", programme, "title", "x", "nationalAmount", 100))
                .post("/api/v1/grants/rounds").then().statusCode(409);
    }

    @Test
    void potsStayWithinTheNationalAmountAndNeedTheVersionOnceTheyExist() {
        String round = openSmallRound(Fixtures.unique("pots"));
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
    }

    @Test
    void roundsAreReadableByEveryRolePotsOnlyInTheirRhf() {
        String round = openSmallRound(Fixtures.unique("read"));
        String pot = "/api/v1/grants/rounds/" + round + "/pots/helse-nord";
        as("vest-national").body(json("amount", 60)).put(pot).then().statusCode(200);
        as("vest-employee").get("/api/v1/grants/rounds/" + round).then().statusCode(200).body("pots", hasSize(0));
        as("vest-national").get("/api/v1/grants/rounds/" + round).then().body("pots.rhf", hasItem("helse-nord"));
        as("vest-employee").get("/api/v1/grants/rounds?year=2027&size=200").then().statusCode(200)
                .body("items.id", hasItem(round));
        as("vest-employee").get(pot).then().statusCode(404);
    }
}
