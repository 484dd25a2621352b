package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static no.torn.grants.Fixtures.application;
import static no.torn.grants.Fixtures.report;
import static no.torn.grants.Fixtures.unique;
import static no.torn.platform.application.Idempotency.HEADER;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * Idempotency-Key on creates: a key belongs to the caller who sent it, and it stands for one request. The same
 * request again answers the first response; another request under the same key is refused.
 */
@QuarkusTest
class IdempotencyTest {

    private static ExtractableResponse<Response> post(String user, String key, String path, Map<String, Object> body) {
        return as(user).header(HEADER, key).body(body).post(path).then().extract();
    }

    private static long applicationsIn(String round) {
        return as("vest-admin").get("/api/v1/grants/applications?roundId=" + round).then().statusCode(200)
                .extract().<Integer>path("total");
    }

    @Test
    void twoPeopleUsingOneKeyEachGetTheirOwnApplication() {
        String round = Fixtures.openRound(2029, unique("idem-two"));
        String key = unique("shared-key");
        var leaders = post("vest-leader", key, "/api/v1/grants/applications",
                application(round, "helse-bergen", 100_000));
        var admins = post("vest-admin", key, "/api/v1/grants/applications",
                application(round, "helse-stavanger", 200_000));

        assertThat(leaders.statusCode()).isEqualTo(201);
        assertThat(admins.statusCode()).isEqualTo(201);
        String leadersId = leaders.path("id");
        String adminsId = admins.path("id");
        assertThat(adminsId).isNotEqualTo(leadersId);
        assertThat(leaders.<String>path("hf")).isEqualTo("helse-bergen");
        assertThat(admins.<String>path("hf")).isEqualTo("helse-stavanger");
        assertThat(admins.<Integer>path("requestedAmount")).isEqualTo(200_000);
        as("vest-admin").get("/api/v1/grants/applications?roundId=" + round).then()
                .body("total", equalTo(2)).body("items.id", hasItems(leadersId, adminsId));
    }

    @Test
    void theSameRequestAgainAnswersTheFirstResponse() {
        String round = Fixtures.openRound(2029, unique("idem-same"));
        String key = unique("key");
        var first = post("vest-leader", key, "/api/v1/grants/applications",
                application(round, "helse-bergen", 100_000));
        var again = post("vest-leader", key, "/api/v1/grants/applications",
                application(round, "helse-bergen", 100_000));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(applicationsIn(round)).isEqualTo(1);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        String round = Fixtures.openRound(2029, unique("idem-other"));
        String key = unique("key");
        post("vest-leader", key, "/api/v1/grants/applications", application(round, "helse-bergen", 100_000));
        as("vest-leader").header(HEADER, key).body(application(round, "helse-bergen", 999))
                .post("/api/v1/grants/applications").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem(HEADER));
        assertThat(applicationsIn(round)).isEqualTo(1);
    }

    @Test
    void aBlankOrOverlongKeyIsRefusedByName() {
        String round = Fixtures.openRound(2029, unique("idem-blank"));
        as("vest-leader").header(HEADER, " ").body(application(round, "helse-bergen", 1))
                .post("/api/v1/grants/applications").then().statusCode(400)
                .body("violations.field", hasItem(HEADER));
        as("vest-leader").header(HEADER, "k".repeat(256)).body(application(round, "helse-bergen", 1))
                .post("/api/v1/grants/applications").then().statusCode(400)
                .body("violations.field", hasItem(HEADER));
        assertThat(applicationsIn(round)).isZero();
    }

    @Test
    void aRetriedReportIsFiledOnce() {
        String round = Fixtures.allocatedRound(2029);
        Fixtures.lock(round);
        String project = Fixtures.submit("vest-hr", round, "helse-bergen", 100_000);
        Fixtures.grant(project, 100_000);
        String key = unique("report-key");
        var first = post("vest-hr", key, "/api/v1/grants/reports", report(project, "PROGRESS"));
        var again = post("vest-hr", key, "/api/v1/grants/reports", report(project, "PROGRESS"));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.<String>path("id")).isEqualTo(first.path("id"));
        as("vest-hr").get("/api/v1/grants/reports?applicationId=" + project).then().body("total", equalTo(1));
    }

    @Test
    void aRetriedRoundAndAllocationAreCreatedOnce() {
        String programme = unique("idem-round");
        Map<String, Object> body = Fixtures.json("year", 2029, "programme", programme, "title", "x",
                "nationalAmount", 100);
        String key = unique("round-key");
        String round = post("vest-national", key, "/api/v1/grants/rounds", body).path("id");
        assertThat(post("vest-national", key, "/api/v1/grants/rounds", body).<String>path("id")).isEqualTo(round);

        String allocated = Fixtures.allocatedRound(2029);
        Map<String, Object> compute = Fixtures.json("roundId", allocated);
        String allocation = post("vest-admin", key, "/api/v1/grants/allocations", compute).path("id");
        assertThat(post("vest-admin", key, "/api/v1/grants/allocations", compute).<String>path("id"))
                .isEqualTo(allocation);
        as("vest-admin").get("/api/v1/grants/allocations?roundId=" + allocated).then().body("total", equalTo(2));
    }
}
