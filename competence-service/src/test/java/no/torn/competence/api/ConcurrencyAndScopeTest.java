package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Stale versions on every versioned command, lists scoped to the caller's HF, and the published contracts. */
@QuarkusTest
class ConcurrencyAndScopeTest {

    @Test
    void everyVersionedCommandRefusesAStaleVersion() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String colleague = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String skill = as("vest-hr").body(recordBody(employee, "PVK", today().minusDays(10), null, null))
                .post(ROOT + "/records").then().statusCode(201).extract().path("id");
        as("vest-hr").body(Map.of("attestedBy", colleague, "level", 3, "version", 5))
                .post(ROOT + "/records/" + skill + "/attest").then().statusCode(409)
                .body("type", containsString("stale-version"));
        as("vest-hr").body(Map.of("reason", "mistake", "version", 5))
                .post(ROOT + "/records/" + skill + "/revoke").then().statusCode(409);
        as("vest-hr").body(Map.of("version", 5)).post(ROOT + "/employees/" + employee + "/leave").then()
                .statusCode(409);
        as("vest-hr").body(Map.of("reason", "mistake")).post(ROOT + "/records/" + skill + "/revoke").then()
                .statusCode(400).body("violations[0].field", equalTo("version"));
    }

    @Test
    void unknownIdsAnswer404() {
        String missing = "7d0e3c1a-0000-4000-8000-000000000000";
        as("vest-admin").get(ROOT + "/employees/" + missing).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        as("vest-admin").get(ROOT + "/employees/" + missing + "/competences").then().statusCode(404);
        as("vest-admin").body(Map.of("unit", "x", "name", "y", "personnelGroup", "lege", "version", 0))
                .put(ROOT + "/employees/" + missing).then().statusCode(404);
        as("vest-admin").body(Map.of("validUntil", today().toString(), "version", 0))
                .put(ROOT + "/records/" + missing).then().statusCode(404);
        as("vest-admin").get(ROOT + "/records/" + missing + "/history").then().statusCode(404);
        as("vest-admin").get(ROOT + "/types/NO-SUCH-TYPE").then().statusCode(404);
        as("vest-admin").delete(ROOT + "/types/NO-SUCH-TYPE").then().statusCode(404);
    }

    @Test
    void hfBoundRolesListOnlyTheirOwnHf() {
        String stavanger = Fixtures.createEmployee("vest-admin", "helse-stavanger", "post", "lege");
        Fixtures.createRecord("vest-admin", stavanger, "AUT-LEGE", today().minusYears(1), null);
        String bergen = Fixtures.createEmployee("vest-hr", "helse-bergen", "post", "sykepleier");
        Fixtures.createRecord("vest-hr", bergen, "HLR", today().minusDays(1), null);
        as("vest-hr").queryParam("size", 200).get(ROOT + "/records").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1)).body("items.hf", everyItem(equalTo("helse-bergen")));
        as("vest-leader").queryParam("size", 200).get(ROOT + "/employees").then().statusCode(200)
                .body("items.hf", everyItem(equalTo("helse-bergen")));
        as("vest-admin").queryParam("hf", "helse-stavanger").queryParam("employeeNumber", "x")
                .get(ROOT + "/employees").then().statusCode(200);
        as("vest-auditor").queryParam("employeeId", stavanger).get(ROOT + "/records").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].competenceCode", equalTo("AUT-LEGE"));
        as("sorost-hr").queryParam("size", 200).get(ROOT + "/records").then().statusCode(200)
                .body("items.rhf", everyItem(equalTo("helse-sor-ost")));
    }

    @Test
    void contractsAndDocumentationAreServed() {
        given().get("/events/asyncapi.yaml").then().statusCode(200)
                .body(containsString("torn.{rhf}.competence.v1")).body(containsString("record-expiring"));
        given().get("/events/schemas/record-expired.v1.json").then().statusCode(200)
                .body("title", equalTo("no.torn.competence.record-expired.v1"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/competence/imports"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/competence/holders"))
                .body("paths.'/api/v1/competence/imports'.post.description", containsString("evidenceDocumentReference"));
    }
}
