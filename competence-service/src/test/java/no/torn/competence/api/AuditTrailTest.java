package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** Every command writes one audit line: who (id, display name, role), what, before and after; per RHF. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailTest {

    String record;

    /** Runs once, before the first step (the HTTP port is known only per test). */
    @BeforeEach
    void aRecordWhoseValidityAnAdminChanges() {
        if (record != null) {
            return;
        }
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        record = Fixtures.createRecord("vest-hr", employee, "HLR", today().minusDays(3), null);
        as("vest-admin").body(Map.of("validUntil", today().plusMonths(6).toString(), "version", 0))
                .put(ROOT + "/records/" + record).then().statusCode(200);
    }

    @Test
    @Order(1)
    void theRegionsAuditorReadsWhoChangedWhatWithNameAndRole() {
        as("vest-auditor").queryParam("entityType", "COMPETENCE_RECORD").queryParam("entityId", record)
                .get(ROOT + "/audit").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.action", equalTo(List.of("REGISTERED", "UPDATED")))
                .body("items[0].actor.name", equalTo("HR Vest"))
                .body("items[0].actor.role", equalTo("hf-hr"))
                .body("items[0].before", equalTo(null))
                .body("items[0].after.competenceCode", equalTo("HLR"))
                .body("items[1].actor.id", not(emptyOrNullString()))
                .body("items[1].actor.name", equalTo("Admin Vest"))
                .body("items[1].actor.role", equalTo("rhf-admin"))
                .body("items[1].rhf", equalTo("helse-vest"))
                .body("items[1].hf", equalTo("helse-bergen"))
                .body("items[1].before.validUntil", equalTo(today().minusDays(3).plusMonths(12).toString()))
                .body("items[1].after.validUntil", equalTo(today().plusMonths(6).toString()));
    }

    @Test
    @Order(2)
    void anotherRegionsAuditorDoesNotSeeTheLines() {
        as("sorost-auditor").queryParam("entityId", record).get(ROOT + "/audit").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    @Order(3)
    void namingAnotherRegionIsForbidden() {
        as("sorost-auditor").queryParam("rhf", "helse-vest").get(ROOT + "/audit").then().statusCode(403);
    }

    @Test
    @Order(4)
    void aNationalAdminMayNameTheRegion() {
        as("sorost-national").queryParam("rhf", "helse-vest").queryParam("entityId", record).get(ROOT + "/audit")
                .then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    @Order(5)
    void theAuditTrailIsNotForHr() {
        as("vest-hr").get(ROOT + "/audit").then().statusCode(403);
    }

    @Test
    @Order(6)
    void catalogueChangesAreAuditedToo() {
        String code = Fixtures.unique("AUD-").toUpperCase();
        as("vest-admin").body(Map.of("code", code, "name", "Lokal prosedyre", "kind", "REAL",
                "category", "PROCEDURE")).post(ROOT + "/types").then().statusCode(201);
        as("vest-admin").delete(ROOT + "/types/" + code).then().statusCode(204);
        as("vest-auditor").queryParam("entityType", "COMPETENCE_TYPE").queryParam("entityId", code)
                .get(ROOT + "/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "DELETED")))
                .body("items[1].before.name", equalTo("Lokal prosedyre"))
                .body("items[1].after", equalTo(null));
    }
}
