package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static no.torn.grants.Fixtures.json;
import static no.torn.grants.Fixtures.split;
import static no.torn.grants.Fixtures.version;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Each RHF locks its own pot: Helse Vest locks and decides while Helse Sør-Øst still sets its split and allocates;
 * the national round closes only once every pot is locked.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Steps.class)
class PotLockTest {

    static final List<Map<String, Object>> SOROST_HFS = List.of(json("hf", "ous", "baseFrame", 60),
            json("hf", "ahus", "baseFrame", 40));

    private String round;
    private String vestPot;
    private String sorostPot;
    private String bergen;
    private String ous;

    private static void lockPot(String user, String pot, int expectedStatus) {
        as(user).body(json("status", "ALLOCATED", "version", version(user, pot))).post(pot + "/status")
                .then().statusCode(expectedStatus);
    }

    @Test
    @Order(1)
    void helseVestLocksItsOwnPot() {
        round = Fixtures.allocatedRound(2027);
        vestPot = "/api/v1/grants/rounds/" + round + "/pots/helse-vest";
        sorostPot = "/api/v1/grants/rounds/" + round + "/pots/helse-sor-ost";
        bergen = Fixtures.submit("vest-hr", round, "helse-bergen", 500_000);
        ous = Fixtures.submit("sorost-hr", round, "ous", 500_000);
        as("vest-admin").get(vestPot).then().statusCode(200).body("status", equalTo("OPEN"));
        // Another RHF's pot is not found, and a stale version is refused.
        as("sorost-admin").body(json("status", "ALLOCATED", "version", version("vest-admin", vestPot)))
                .post(vestPot + "/status").then().statusCode(404);
        as("vest-admin").body(json("status", "ALLOCATED", "version", 99)).post(vestPot + "/status")
                .then().statusCode(409);
        as("vest-hr").body(json("status", "ALLOCATED", "version", version("vest-admin", vestPot)))
                .post(vestPot + "/status").then().statusCode(403);
        lockPot("vest-admin", vestPot, 200);
        as("vest-admin").get(vestPot).then().body("status", equalTo("ALLOCATED"));
        as("vest-auditor").get("/api/v1/grants/audit?entityType=RHF_POT").then().statusCode(200)
                .body("items.action", hasItem("ALLOCATED"));
        lockPot("vest-admin", vestPot, 409);
        // Locked: the split and the allocation of Helse Vest no longer change.
        as("vest-admin").body(split(version("vest-admin", vestPot), 300_000, Fixtures.VEST_HFS))
                .put(vestPot + "/split").then().statusCode(422).body("detail", containsString("locked"))
                .body("type", endsWith("/R-GRANT-03"));
        as("vest-admin").body(json("roundId", round)).post("/api/v1/grants/allocations").then().statusCode(422);
    }

    @Test
    @Order(2)
    void helseVestDecidesWhileHelseSorOstStillAllocates() {
        as("vest-national").get("/api/v1/grants/rounds/" + round).then().body("status", equalTo("OPEN"));
        Fixtures.grant(bergen, 400_000);
        // Sør-Øst has not locked: its decisions wait, its split and allocation are still open.
        as("sorost-admin").body(json("outcome", "GRANTED", "grantedAmount", 100_000,
                        "version", version("sorost-admin", "/api/v1/grants/applications/" + ous)))
                .post("/api/v1/grants/applications/" + ous + "/decision").then().statusCode(422)
                .body("detail", containsString("helse-sor-ost")).body("type", endsWith("/R-GRANT-01"));
        // Locking needs a computed allocation.
        as("sorost-admin").body(json("status", "ALLOCATED", "version", version("sorost-admin", sorostPot)))
                .post(sorostPot + "/status").then().statusCode(422).body("type", endsWith("/R-GRANT-04"));
        as("sorost-admin").body(split(version("sorost-admin", sorostPot), 300_000, SOROST_HFS))
                .put(sorostPot + "/split").then().statusCode(200);
        as("sorost-admin").body(json("roundId", round, "rhf", "helse-sor-ost"))
                .post("/api/v1/grants/allocations").then().statusCode(201);
    }

    @Test
    @Order(3)
    void theRoundClosesOnlyWhenEveryPotIsLocked() {
        String roundPath = "/api/v1/grants/rounds/" + round;
        as("vest-national").body(json("status", "CLOSED", "version", version("vest-national", roundPath)))
                .post(roundPath + "/status").then().statusCode(422)
                .body("detail", containsString("helse-sor-ost"))
                .body("detail", not(containsString("helse-vest")))
                .body("type", endsWith("/R-GRANT-02"));
        lockPot("sorost-admin", sorostPot, 200);
        as("sorost-admin").body(json("outcome", "GRANTED", "grantedAmount", 100_000,
                        "version", version("sorost-admin", "/api/v1/grants/applications/" + ous)))
                .post("/api/v1/grants/applications/" + ous + "/decision").then().statusCode(200);
        as("vest-admin").body(json("status", "CLOSED", "version", version("vest-national", roundPath)))
                .post(roundPath + "/status").then().statusCode(403);
        as("vest-national").body(json("status", "CLOSED", "version", version("vest-national", roundPath)))
                .post(roundPath + "/status").then().statusCode(200).body("status", equalTo("CLOSED"));
        // A closed round decides nothing more and its pots stay as they are.
        String late = "/api/v1/grants/applications/" + bergen;
        as("vest-admin").get(late).then().body("status", equalTo("GRANTED"));
        as("sorost-admin").body(split(version("sorost-admin", sorostPot), 300_000, SOROST_HFS))
                .put(sorostPot + "/split").then().statusCode(422);
    }
}
