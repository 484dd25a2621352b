package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.competence.api.ImportTest.row;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** An authorisation is held only by a registered health professional of a group it authorises (R-AUTH-01/02). */
@QuarkusTest
class AuthorisationRulesTest {

    private static Map<String, Object> verifiedDoctorsAuthorisation(String employee) {
        Map<String, Object> body = recordBody(employee, "AUT-LEGE", today().minusYears(1), null, "fritekst");
        body.put("trustLevel", "VERIFIED");
        return body;
    }

    @Test
    void theCatalogueNamesTheGroupsEachAuthorisationAuthorises() {
        as("vest-hr").get(ROOT + "/types/AUT-LEGE").then().statusCode(200)
                .body("authorisesGroups", equalTo(List.of("lege", "lis")));
        as("vest-hr").get(ROOT + "/types/AUT-SYKEPLEIER").then().statusCode(200)
                .body("authorisesGroups", containsInAnyOrder("sykepleier", "spesialsykepleier", "jordmor"));
        as("vest-hr").get(ROOT + "/types/HLR").then().statusCode(200)
                .body("authorisesGroups", equalTo(List.of()));
    }

    @Test
    void aPorterWithoutHprNumberGetsNoDoctorsAuthorisationAndBothRulesAreNamed() {
        String porter = Fixtures.createEmployee("vest-hr", "helse-bergen", "transport", "portor");
        as("vest-hr").body(verifiedDoctorsAuthorisation(porter)).post(ROOT + "/records").then().statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-AUTH-01"))
                .body("rules.rule", equalTo(List.of("R-AUTH-01", "R-AUTH-02")))
                .body("rules.field", equalTo(List.of("employeeId", "employeeId")));
        as("vest-hr").queryParam("employeeId", porter).get(ROOT + "/records").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anAuthorisationNeedsAnHprNumber() {
        Map<String, Object> body = Fixtures.employeeBody("helse-bergen", "post", Fixtures.unique("L"), "lege");
        body.remove("hprNumber");
        String doctor = as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(201)
                .extract().path("id");
        as("vest-hr").body(verifiedDoctorsAuthorisation(doctor)).post(ROOT + "/records").then().statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-AUTH-01"))
                .body("rules.rule", equalTo(List.of("R-AUTH-01")));
    }

    @Test
    void anAuthorisationIsHeldOnlyByAGroupItAuthorises() {
        String nurse = Fixtures.createEmployee("vest-hr", "helse-bergen", "post", "sykepleier");
        as("vest-hr").body(verifiedDoctorsAuthorisation(nurse)).post(ROOT + "/records").then().statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-AUTH-02"))
                .body("rules.rule", equalTo(List.of("R-AUTH-02")));
        String lis = Fixtures.createEmployee("vest-hr", "helse-bergen", "post", "lis");
        as("vest-hr").body(verifiedDoctorsAuthorisation(lis)).post(ROOT + "/records").then().statusCode(201)
                .body("competenceCode", equalTo("AUT-LEGE"));
    }

    @Test
    void anImportRowBreakingTheRulesIsReportedByRowAndNothingIsApplied() {
        String doctor = Fixtures.unique("I");
        String porter = Fixtures.unique("I");
        List<Map<String, Object>> rows = List.of(
                row("helse-bergen", doctor, "post", "lege", "AUT-LEGE", today().minusYears(1).toString()),
                row("helse-bergen", porter, "transport", "portor", "AUT-LEGE", today().minusYears(1).toString()));
        asHrIntegration("helse-vest").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-AUTH-01"))
                .body("rules.rule", equalTo(List.of("R-AUTH-01", "R-AUTH-02")))
                .body("rules.field", equalTo(List.of("rows[1].hprNumber", "rows[1].personnelGroup")));
        // Nothing was applied: the valid first row still creates its employee and record.
        asHrIntegration("helse-vest").body(Map.of("rows", rows.subList(0, 1))).post(ROOT + "/imports").then()
                .statusCode(200).body("employeesCreated", equalTo(1)).body("recordsCreated", equalTo(1));
    }

    @Test
    void anImportedHprNumberCountsForTheRowThatBringsIt() {
        Map<String, Object> doctor = row("helse-bergen", Fixtures.unique("I"), "post", "lege", "AUT-LEGE",
                today().minusYears(1).toString());
        doctor.remove("hprNumber");
        asHrIntegration("helse-vest").body(Map.of("rows", List.of(doctor))).post(ROOT + "/imports").then()
                .statusCode(422).body("rules.field", equalTo(List.of("rows[0].hprNumber")));
        doctor.put("hprNumber", "7654321");
        asHrIntegration("helse-vest").body(Map.of("rows", List.of(doctor))).post(ROOT + "/imports").then()
                .statusCode(200).body("recordsCreated", equalTo(1));
    }

    @Test
    void anAuthorisationTypeNamesKnownPersonnelGroups() {
        String code = Fixtures.unique("AUT-VEST-").toUpperCase();
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Lokal autorisasjon", "kind", "FORMAL",
                "category", "AUTHORISATION"));
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(400)
                .body("violations.field", hasItem("authorisesGroups"));
        body.put("authorisesGroups", List.of("lege", "NOPE"));
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(400)
                .body("violations.field", hasItem("authorisesGroups[1]"));
        body.put("authorisesGroups", List.of("jordmor"));
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(201)
                .body("authorisesGroups", equalTo(List.of("jordmor")));
        as("vest-admin").body(Map.of("name", "Lokal autorisasjon", "kind", "FORMAL", "category", "AUTHORISATION",
                        "authorisesGroups", List.of("jordmor", "sykepleier"), "version", 0))
                .put(ROOT + "/types/" + code).then().statusCode(200)
                .body("authorisesGroups", equalTo(List.of("jordmor", "sykepleier")));
        as("vest-admin").body(Map.of("name", "Lokal autorisasjon", "kind", "FORMAL", "category", "AUTHORISATION",
                        "version", 1))
                .put(ROOT + "/types/" + code).then().statusCode(200)
                .body("authorisesGroups", equalTo(List.of("jordmor", "sykepleier")));
        as("vest-admin").body(Map.of("code", Fixtures.unique("KURS-").toUpperCase(), "name", "Kurs", "kind", "REAL",
                        "category", "COURSE", "authorisesGroups", List.of("lege")))
                .post(ROOT + "/types").then().statusCode(400).body("violations.field", hasItem("authorisesGroups"));
    }
}
