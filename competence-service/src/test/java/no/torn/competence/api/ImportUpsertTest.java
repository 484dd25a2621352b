package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.competence.api.ImportTest.row;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** A JSON import: dry run, first import, an identical repeat, then a change of unit and validity. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportUpsertTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final String n1 = Fixtures.unique("IMP");
    final String n2 = Fixtures.unique("IMP");
    final String unit = Fixtures.unique("import-");
    final List<Map<String, Object>> rows = List.of(
            row("helse-bergen", n1, unit, "sykepleier", "AUT-SYKEPLEIER", today().minusYears(3).toString()),
            row("helse-bergen", n1, unit, "sykepleier", "HLR", today().minusMonths(2).toString()),
            row("helse-bergen", n1, unit, "sykepleier", "LEGEMIDDELHANDTERING", today().minusYears(3).toString()),
            row("helse-stavanger", n2, unit, "portor", null, null));
    String id;

    @Test
    @Order(1)
    void aDryRunCountsAndAppliesNothing() {
        asHrIntegration("helse-vest").queryParam("dryRun", true).body(Map.of("rows", rows))
                .post(ROOT + "/imports").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("employeesCreated", equalTo(2)).body("recordsCreated", equalTo(3));
        as("vest-admin").queryParam("employeeNumber", n1).get(ROOT + "/employees").then().body("total", equalTo(0));
    }

    @Test
    @Order(2)
    void theImportCreatesEmployeesAndRecords() {
        asHrIntegration("helse-vest").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(200)
                .body("employeesCreated", equalTo(2)).body("recordsCreated", equalTo(3));
        id = as("vest-admin").queryParam("employeeNumber", n1).get(ROOT + "/employees").then()
                .body("total", equalTo(1)).extract().path("items[0].id");
        Fixtures.event(bootstrap, id, "employee-registered");
        as("vest-admin").get(ROOT + "/employees/" + id + "/competences").then().statusCode(200)
                .body("records.size()", equalTo(3))
                .body("records.find { it.competenceCode == 'HLR' }.source", equalTo("HR_IMPORT"))
                .body("records.find { it.competenceCode == 'HLR' }.validUntil",
                        equalTo(today().minusMonths(2).plusMonths(12).toString()))
                .body("records.find { it.competenceCode == 'LEGEMIDDELHANDTERING' }.status", equalTo("EXPIRED"))
                .body("validCodes", hasItems("AUT-SYKEPLEIER", "HLR"));
    }

    @Test
    @Order(3)
    void aRecordImportedLapsedIsAnnouncedAsExpired() {
        String expiredId = as("vest-admin").queryParam("employeeId", id).queryParam("competenceCode",
                "LEGEMIDDELHANDTERING").get(ROOT + "/records").then().extract().path("items[0].id");
        JsonNode expired = Fixtures.event(bootstrap, expiredId, "record-expired");
        assertThat(expired.path("data").path("employeeId").asText()).isEqualTo(id);
    }

    @Test
    @Order(4)
    void anIdenticalRepeatChangesNothing() {
        asHrIntegration("helse-vest").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(200)
                .body("employeesCreated", equalTo(0)).body("employeesUnchanged", equalTo(2))
                .body("recordsCreated", equalTo(0)).body("recordsUnchanged", equalTo(3));
    }

    @Test
    @Order(5)
    void aNewUnitAndValidityAreApplied() {
        List<Map<String, Object>> moved = new ArrayList<>(rows);
        Map<String, Object> renewed = row("helse-bergen", n1, unit + "-b", "sykepleier", "HLR",
                today().minusMonths(2).toString());
        renewed.put("validUntil", today().plusMonths(18).toString());
        moved.set(1, renewed);
        moved.set(0, row("helse-bergen", n1, unit + "-b", "sykepleier", "AUT-SYKEPLEIER",
                today().minusYears(3).toString()));
        moved.set(2, row("helse-bergen", n1, unit + "-b", "sykepleier", "LEGEMIDDELHANDTERING",
                today().minusYears(3).toString()));
        asHrIntegration("helse-vest").body(Map.of("rows", moved)).post(ROOT + "/imports").then().statusCode(200)
                .body("employeesUpdated", equalTo(1)).body("recordsUpdated", equalTo(1))
                .body("recordsUnchanged", equalTo(2));
        JsonNode updated = Fixtures.event(bootstrap, id, "employee-updated");
        assertThat(updated.path("data").path("unit").asText()).isEqualTo(unit + "-b");
        as("vest-admin").queryParam("employeeId", id).queryParam("competenceCode", "HLR").get(ROOT + "/records")
                .then().body("items[0].unit", equalTo(unit + "-b"))
                .body("items[0].validUntil", equalTo(today().plusMonths(18).toString()));
    }

    @Test
    @Order(6)
    void theImportIsInTheAuditTrailAndTheRecordsHistory() {
        as("vest-auditor").queryParam("entityType", "EMPLOYEE").queryParam("entityId", id).get(ROOT + "/audit")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items.action", equalTo(List.of("IMPORTED", "IMPORTED")))
                .body("items[0].actor.role", equalTo("hr-integration"))
                .body("items[1].after.unit", equalTo(unit + "-b"));
        String hlr = as("vest-admin").queryParam("employeeId", id).queryParam("competenceCode", "HLR")
                .get(ROOT + "/records").then().extract().path("items[0].id");
        as("vest-auditor").get(ROOT + "/records/" + hlr + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("IMPORTED", "IMPORTED")))
                .body("[1].changes.validUntil.to", equalTo(today().plusMonths(18).toString()));
    }
}
