package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class HoldersAndGapReportTest {

    @Test
    void holdersHoldAllCodesValidlyWithImpliedCompetencesCounting() {
        String unit = Fixtures.unique("intensiv-");
        String specialist = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "spesialsykepleier");
        Fixtures.createRecord("vest-hr", specialist, "SPES-INTENSIV", today().minusYears(4), null);
        Fixtures.createRecord("vest-hr", specialist, "HLR", today().minusMonths(3), null);

        String nurse = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "sykepleier");
        Fixtures.createRecord("vest-hr", nurse, "AUT-SYKEPLEIER", today().minusYears(2), null);
        Fixtures.createRecord("vest-hr", nurse, "HLR", today().minusMonths(13), today().minusMonths(1));

        String assistant = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "helsefagarbeider");
        Fixtures.createRecord("vest-hr", assistant, "HLR", today().minusMonths(1), null);

        String revoked = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "sykepleier");
        String aut = Fixtures.createRecord("vest-hr", revoked, "AUT-SYKEPLEIER", today().minusYears(2), null);
        as("vest-hr").body(Map.of("reason", "withdrawn", "version", 0)).post(ROOT + "/records/" + aut + "/revoke")
                .then().statusCode(200);

        String left = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "sykepleier");
        Fixtures.createRecord("vest-hr", left, "AUT-SYKEPLEIER", today().minusYears(2), null);
        as("vest-hr").body(Map.of()).post(ROOT + "/employees/" + left + "/leave").then().statusCode(200);

        as("vest-leader").queryParam("hf", "helse-bergen").queryParam("unit", unit)
                .queryParam("codes", "AUT-SYKEPLEIER").get(ROOT + "/holders").then().statusCode(200)
                .body("total", equalTo(2)).body("items.employeeId", containsInAnyOrder(specialist, nurse));
        as("vest-leader").queryParam("hf", "helse-bergen").queryParam("unit", unit)
                .queryParam("codes", "AUT-SYKEPLEIER,HLR").get(ROOT + "/holders").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].employeeId", equalTo(specialist))
                .body("items[0].personnelGroup", equalTo("spesialsykepleier"));
        // Two months ago the nurse's CPR course was still valid.
        as("vest-auditor").queryParam("hf", "helse-bergen")
                .queryParam("unit", unit).queryParam("codes", "AUT-SYKEPLEIER").queryParam("codes", "HLR")
                .queryParam("validOn", today().minusMonths(2).toString()).get(ROOT + "/holders").then()
                .statusCode(200).body("total", equalTo(2));
        Api.asHrIntegration("helse-vest").queryParam("hf", "helse-bergen").queryParam("unit", unit)
                .queryParam("codes", "HLR").queryParam("size", 1).queryParam("page", 1)
                .get(ROOT + "/holders").then().statusCode(200).body("total", equalTo(2))
                .body("items.size()", equalTo(1));
    }

    @Test
    void gapReportCountsValidExpiringExpiredAndMissingAndFindsSingleHolders() {
        String unit = Fixtures.unique("sengepost-");
        String a = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "sykepleier");
        Fixtures.createRecord("vest-hr", a, "HLR", today().minusMonths(2), null);
        Fixtures.createRecord("vest-hr", a, "BLODPROVE", today().minusMonths(2), null);
        String b = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "sykepleier");
        Fixtures.createRecord("vest-hr", b, "HLR", today().minusMonths(11).minusDays(20), null);
        String c = Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "helsefagarbeider");
        Fixtures.createRecord("vest-hr", c, "HLR", today().minusMonths(14), null);
        Fixtures.createEmployee("vest-hr", "helse-bergen", unit, "portor");

        as("vest-leader").queryParam("hf", "helse-bergen").queryParam("unit", unit)
                .queryParam("codes", "HLR,BLODPROVE").queryParam("withinDays", 30)
                .get(ROOT + "/gap-report").then().statusCode(200)
                .body("staff", equalTo(4))
                .body("lines.find { it.competenceCode == 'HLR' }.valid", equalTo(1))
                .body("lines.find { it.competenceCode == 'HLR' }.expiring", equalTo(1))
                .body("lines.find { it.competenceCode == 'HLR' }.expired", equalTo(1))
                .body("lines.find { it.competenceCode == 'HLR' }.missing", equalTo(1))
                .body("lines.find { it.competenceCode == 'BLODPROVE' }.valid", equalTo(1))
                .body("lines.find { it.competenceCode == 'BLODPROVE' }.missing", equalTo(3))
                .body("singleHolders.size()", equalTo(1))
                .body("singleHolders[0].competenceCode", equalTo("BLODPROVE"))
                .body("singleHolders[0].employeeId", equalTo(a));
    }

    @Test
    void queriesAreScopedAndValidated() {
        as("sorost-admin").queryParam("hf", "helse-bergen").queryParam("codes", "HLR")
                .get(ROOT + "/holders").then().statusCode(403);
        as("sorost-admin").queryParam("hf", "helse-bergen").queryParam("codes", "HLR")
                .get(ROOT + "/gap-report").then().statusCode(403);
        as("sorost-national").queryParam("hf", "helse-bergen").queryParam("codes", "HLR")
                .get(ROOT + "/holders").then().statusCode(200);
        as("vest-hr").queryParam("hf", "helse-stavanger").queryParam("codes", "HLR")
                .get(ROOT + "/holders").then().statusCode(403);
        as("vest-hr").queryParam("hf", "helse-bergen").get(ROOT + "/holders").then().statusCode(400)
                .body("violations[0].field", equalTo("codes"));
        as("vest-hr").queryParam("codes", "HLR").get(ROOT + "/holders").then().statusCode(400)
                .body("violations[0].field", equalTo("hf"));
        as("vest-hr").queryParam("hf", "helse-bergen").queryParam("codes", "HLR").queryParam("validOn", "yesterday")
                .get(ROOT + "/holders").then().statusCode(400).body("violations[0].field", equalTo("validOn"));
        as("vest-hr").queryParam("hf", "helse-bergen").queryParam("codes", "HLR").queryParam("withinDays", "-1")
                .get(ROOT + "/gap-report").then().statusCode(400).body("violations[0].field", equalTo("withinDays"));
        given().queryParam("hf", "helse-bergen").queryParam("codes", "HLR").get(ROOT + "/holders").then()
                .statusCode(401);
        as("vest-norole").queryParam("hf", "helse-bergen").queryParam("codes", "HLR").get(ROOT + "/holders").then()
                .statusCode(403);
        as("vest-employee").queryParam("hf", "helse-bergen").queryParam("codes", List.of("HLR"))
                .get(ROOT + "/gap-report").then().statusCode(403);
    }
}
