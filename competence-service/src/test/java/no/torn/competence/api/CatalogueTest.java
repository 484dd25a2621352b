package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CatalogueTest {

    @Test
    void personnelGroupsAreSeededWithTheirAuthorisationFlag() {
        as("vest-employee").get(ROOT + "/personnel-groups").then().statusCode(200)
                .body("size()", equalTo(15))
                .body("find { it.code == 'sykepleier' }.authorisedHealthProfession", equalTo(true))
                .body("find { it.code == 'portor' }.authorisedHealthProfession", equalTo(false))
                .body("code", hasItems("lege", "lis", "spesialsykepleier", "jordmor", "helsefagarbeider",
                        "helsesekretaer", "fysioterapeut", "ergoterapeut", "farmasoyt", "bioingenior", "matvert",
                        "renholder", "merkantil"));
        as("vest-hr").get(ROOT + "/personnel-groups/jordmor").then().statusCode(200).body("name", equalTo("Jordmor"));
        as("vest-hr").get(ROOT + "/personnel-groups/astronaut").then().statusCode(404);
    }

    @Test
    void nationalCatalogueHasImpliedCompetencesAndValidities() {
        as("sorost-hr").get(ROOT + "/types/SPES-INTENSIV").then().statusCode(200)
                .body("kind", equalTo("FORMAL")).body("category", equalTo("SPECIALISATION"))
                .body("scope", equalTo("NATIONAL"))
                .body("impliedCodes", equalTo(List.of("AUT-SYKEPLEIER")));
        as("vest-hr").get(ROOT + "/types/HLR").then().statusCode(200)
                .body("validityMonths", equalTo(12)).body("kind", equalTo("REAL"));
        as("vest-hr").get(ROOT + "/types/LEGEMIDDELHANDTERING").then().statusCode(200)
                .body("validityMonths", equalTo(24));
        as("vest-hr").get(ROOT + "/types/BLODPROVE").then().statusCode(200).body("category", equalTo("PROCEDURE"));
        as("vest-hr").queryParam("kind", "FORMAL").queryParam("size", 200).get(ROOT + "/types").then().statusCode(200)
                .body("items.code", hasItems("AUT-LEGE", "AUT-SYKEPLEIER", "AUT-HELSEFAGARBEIDER"))
                .body("items.code", not(hasItem("HLR")));
        as("vest-hr").queryParam("kind", "SIDEWAYS").get(ROOT + "/types").then().statusCode(400)
                .body("violations[0].field", equalTo("kind"));
    }

    @Test
    void nationalCatalogueIsMaintainedByNationalAdminsOnly() {
        String code = Fixtures.unique("NAT-").toUpperCase();
        Map<String, Object> body = Map.of("code", code, "name", "Nasjonalt kurs", "kind", "REAL",
                "category", "COURSE", "validityMonths", 36, "national", true);
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(403);
        as("vest-national").body(body).post(ROOT + "/types").then().statusCode(201).body("scope", equalTo("NATIONAL"));
        as("sorost-hr").get(ROOT + "/types/" + code).then().statusCode(200);
        as("vest-admin").body(Map.of("name", "x", "kind", "REAL", "category", "COURSE", "version", 0))
                .put(ROOT + "/types/" + code).then().statusCode(403);
    }

    @Test
    void invalidTypesAreRefusedNamingTheField() {
        as("vest-admin").body(Map.of("code", "bad code", "name", "", "kind", "REAL", "category", "PROCEDURE"))
                .post(ROOT + "/types").then().statusCode(400)
                .body("violations.field", hasItems("code", "name"));
        as("vest-admin").body(Map.of("code", "MIXED-UP", "name", "x", "kind", "FORMAL", "category", "COURSE"))
                .post(ROOT + "/types").then().statusCode(400).body("violations[0].field", equalTo("category"));
        as("vest-admin").body(Map.of("code", "IMPLIES-NOTHING", "name", "x", "kind", "REAL", "category", "COURSE",
                        "implies", List.of("NO-SUCH-TYPE")))
                .post(ROOT + "/types").then().statusCode(400).body("violations[0].field", equalTo("implies[0]"));
        as("vest-admin").body(Map.of("code", "X-KIND", "name", "x", "kind", "SIDEWAYS", "category", "COURSE"))
                .post(ROOT + "/types").then().statusCode(400).body("violations[0].field", equalTo("kind"));
        as("vest-admin").body(Map.of("code", "NAME-FNR", "name", "12345678901", "kind", "REAL", "category", "COURSE"))
                .post(ROOT + "/types").then().statusCode(400).body("violations[0].field", equalTo("name"));
    }

    @Test
    void implicationCyclesAreRefused() {
        String a = Fixtures.unique("CYC-A-").toUpperCase();
        String b = Fixtures.unique("CYC-B-").toUpperCase();
        as("vest-admin").body(Map.of("code", a, "name", "a", "kind", "REAL", "category", "COURSE"))
                .post(ROOT + "/types").then().statusCode(201);
        as("vest-admin").body(Map.of("code", b, "name", "b", "kind", "REAL", "category", "COURSE",
                "implies", List.of(a))).post(ROOT + "/types").then().statusCode(201);
        as("vest-admin").body(Map.of("name", "a", "kind", "REAL", "category", "COURSE", "implies", List.of(b),
                "version", 0)).put(ROOT + "/types/" + a).then().statusCode(422);
        as("vest-admin").get(ROOT + "/types/" + a).then().statusCode(200).body("implies", equalTo(List.of()));
        as("vest-admin").delete(ROOT + "/types/" + a).then().statusCode(409);
    }

    @Test
    void catalogueNeedsARoleAndAToken() {
        given().get(ROOT + "/types").then().statusCode(401);
        as("vest-norole").get(ROOT + "/types").then().statusCode(403);
        as("vest-norole").get(ROOT + "/personnel-groups").then().statusCode(403);
    }
}
