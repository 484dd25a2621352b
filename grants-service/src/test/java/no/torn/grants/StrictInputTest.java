package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Input is read strictly: a property the API does not know is refused by name (so a body can never set the tenant,
 * the status or a grant), a number is never read as a date, and a control character in the path is a 400 problem.
 */
@QuarkusTest
class StrictInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"rhf", "status", "grantedAmount", "id", "version", "submittedBy"})
    void anUnknownPropertyIsRefusedByName(String property) {
        String round = Fixtures.openRound(2028, Fixtures.unique("strict"));
        Map<String, Object> body = Fixtures.application(round, "helse-bergen", 10);
        body.put(property, "helse-sor-ost");
        as("vest-hr").body(body).post("/api/v1/grants/applications").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem(property))
                .body("detail", containsString(property));
        as("vest-hr").get("/api/v1/grants/applications?roundId=" + round).then().body("total", equalTo(0));
    }

    @Test
    void anUnknownPropertyOfANestedObjectIsNamedByItsPath() {
        as("vest-national").body(json("year", 2028, "programme", Fixtures.unique("nested"), "title", "x",
                        "nationalAmount", 100, "pots", java.util.List.of(json("rhf", "helse-vest", "amount", 1,
                                "owner", "someone"))))
                .post("/api/v1/grants/rounds").then().statusCode(400)
                .body("violations.field", hasItem("pots[0].owner"));
    }

    @Test
    void aNumberIsNotADate() {
        // Grants' bodies carry no dates; its date inputs are the audit trail's time window.
        as("vest-auditor").get("/api/v1/grants/audit?from=12345").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem("from"));
        as("vest-auditor").get("/api/v1/grants/audit?to=2026-01-31").then().statusCode(400)
                .body("violations.field", hasItem("to"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/grants/applications/%00", "/api/v1/grants/rounds/%00/pots/helse-vest",
            "/api/v1/experience/reports/%00", "/api/v1/grants/awards?hf=%00"})
    void aControlCharacterIsA400Problem(String path) {
        as("vest-admin").urlEncodingEnabled(false).get(path).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(400));
    }

    @Test
    void theHrIntegrationOfTheRhfReadsItsApplicationsOnly() {
        String round = Fixtures.openRound(2028, Fixtures.unique("hr"));
        String id = Fixtures.submit("vest-hr", round, "helse-bergen", 10);
        asHrIntegration("helse-vest").get("/api/v1/grants/applications?roundId=" + round).then().statusCode(200)
                .body("items.id", hasItem(id));
        asHrIntegration("helse-sor-ost").get("/api/v1/grants/applications/" + id).then().statusCode(404);
    }
}
