package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every command leaves an audit line: who (id, display name, role at the time), what, and the state before and after.
 * Auditors read their own RHF's trail; another RHF's lines are absent, and naming another RHF is refused.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTest {

    private static final String AUDIT = "/api/v1/grants/audit";

    private String round;
    private String pot;
    private String allocation;
    private String application;

    /** Once per class; in a @BeforeEach because the test HTTP port is set only around each test. */
    @BeforeEach
    void decideAGrant() {
        if (application != null) {
            return;
        }
        round = Fixtures.allocatedRound(2025);
        pot = as("vest-admin").get("/api/v1/grants/rounds/" + round + "/pots/helse-vest").then().extract().path("id");
        allocation = as("vest-admin").get("/api/v1/grants/allocations?roundId=" + round + "&current=true")
                .then().extract().path("items[0].id");
        Fixtures.lock(round);
        application = Fixtures.submit("vest-hr", round, "helse-bergen", 100_000);
        Fixtures.grant(application, 100_000);
    }

    @Test
    void aDecisionIsAuditedWithTheDecidersNameRoleAndTheStateBeforeAndAfter() {
        String granted = "items.find { it.action == 'GRANTED' }";
        as("vest-auditor").get(AUDIT + "?entityType=APPLICATION&entityId=" + application).then().statusCode(200)
                .body("items.action", hasItems("SUBMITTED", "GRANTED"))
                .body(granted + ".rhf", equalTo("helse-vest"))
                .body(granted + ".hf", equalTo("helse-bergen"))
                .body(granted + ".actor.id", not(emptyOrNullString()))
                .body(granted + ".actor.name", equalTo("Admin Vest"))
                .body(granted + ".actor.role", equalTo("rhf-admin"))
                .body(granted + ".before.status", equalTo("SUBMITTED"))
                .body(granted + ".before.grantedAmount", nullValue())
                .body(granted + ".after.status", equalTo("GRANTED"))
                .body(granted + ".after.grantedAmount", equalTo(100_000))
                .body(granted + ".after.share.granted", equalTo(100_000))
                .body("items.find { it.action == 'SUBMITTED' }.actor.name", equalTo("HR Vest"))
                .body("items.find { it.action == 'SUBMITTED' }.actor.role", equalTo("hf-hr"));
    }

    @Test
    void anAllocationAndTheSplitItCameFromAreAudited() {
        as("vest-auditor").get(AUDIT + "?entityType=ALLOCATION&entityId=" + allocation).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].action", equalTo("COMPUTED"))
                .body("items[0].actor.name", equalTo("Admin Vest"))
                .body("items[0].actor.role", equalTo("rhf-admin"))
                .body("items[0].before", nullValue())
                .body("items[0].after.hfPot", equalTo(4_299_999))
                .body("items[0].after.amounts.find { it.hf == 'helse-bergen' }.amount", equalTo(1_539_999));
        as("vest-auditor").get(AUDIT + "?entityType=RHF_POT&entityId=" + pot).then().statusCode(200)
                .body("items.action", hasItems("CREATED", "SPLIT_SET"))
                .body("items.find { it.action == 'SPLIT_SET' }.before.minimumAmount", equalTo(0))
                .body("items.find { it.action == 'SPLIT_SET' }.after.minimumAmount", equalTo(300_000));
    }

    @Test
    void anotherRhfsAuditorDoesNotSeeTheLines() {
        as("sorost-auditor").get(AUDIT + "?entityId=" + application).then().statusCode(200)
                .body("total", equalTo(0));
        as("sorost-auditor").get(AUDIT + "?entityId=" + allocation).then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void namingAnotherRhfIsRefused() {
        as("vest-auditor").get(AUDIT + "?rhf=helse-sor-ost").then().statusCode(403);
        as("vest-hr").get(AUDIT).then().statusCode(403);
    }

    @Test
    void nationalRecordsAreAuditedForTheNationalAdmin() {
        as("vest-national").get(AUDIT + "?rhf=national&entityType=GRANT_ROUND&entityId=" + round).then()
                .statusCode(200).body("items.action", hasItems("OPENED", "ALLOCATED"))
                .body("items.find { it.action == 'ALLOCATED' }.before.status", equalTo("OPEN"))
                .body("items.find { it.action == 'ALLOCATED' }.actor.name", equalTo("Nasjonal Vest"));
        as("vest-auditor").get(AUDIT + "?entityId=" + round).then().body("total", equalTo(0));
    }

    @Test
    void aReportApprovalIsAuditedWithTheProjectItClosed() {
        String report = as("vest-hr").body(Fixtures.report(application, "FINAL")).post("/api/v1/grants/reports")
                .then().statusCode(201).extract().path("id");
        as("vest-admin").body(json("version", 0, "comment", "Godkjent"))
                .post("/api/v1/grants/reports/" + report + "/approve").then().statusCode(200);
        as("vest-auditor").get(AUDIT + "?entityType=PROJECT_REPORT&entityId=" + report).then()
                .body("items.action", hasItems("SUBMITTED", "APPROVED"))
                .body("items.find { it.action == 'APPROVED' }.reason", equalTo("Godkjent"));
        as("vest-auditor").get(AUDIT + "?entityType=APPLICATION&entityId=" + application).then()
                .body("items.find { it.action == 'CLOSED' }.after.status", equalTo("CLOSED"));
    }
}
