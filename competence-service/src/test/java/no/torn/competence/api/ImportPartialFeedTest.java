package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * A partial HR feed keeps what it does not mention: an absent column or an empty cell keeps the stored value, and
 * only the marker {@code -} clears an optional value.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportPartialFeedTest {

    final String number = Fixtures.unique("PART");
    final String acquired = today().minusMonths(2).toString();
    final String validUntil = today().plusMonths(30).toString();
    String employee;

    private static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private void importCsv(String body) {
        asHrIntegration("helse-vest").contentType("text/csv").body(body).post(ROOT + "/imports").then()
                .statusCode(200);
    }

    private io.restassured.response.ValidatableResponse employee() {
        return as("vest-admin").get(ROOT + "/employees/" + employee).then().statusCode(200);
    }

    private io.restassured.response.ValidatableResponse hlr() {
        return as("vest-admin").queryParam("employeeId", employee).queryParam("competenceCode", "HLR")
                .get(ROOT + "/records").then().statusCode(200).body("total", equalTo(1));
    }

    /** Runs once, before the first step (the HTTP port is known only per test). */
    @BeforeEach
    void anEmployeeWithAnHprNumberAndARecordWithEvidence() {
        if (employee != null) {
            return;
        }
        importCsv(csv("hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,validUntil,"
                        + "evidenceIssuer,evidenceDocumentReference",
                "helse-bergen," + number + ",Kari Nordmann,post-1,sykepleier,7654321,HLR," + acquired + ","
                        + validUntil + ",Helse Bergen,KURS-1"));
        employee = as("vest-admin").queryParam("employeeNumber", number).get(ROOT + "/employees").then()
                .body("total", equalTo(1)).extract().path("items[0].id");
    }

    @Test
    @Order(1)
    void theFiveRequiredColumnsAloneKeepTheOptionalValues() {
        importCsv(csv("hf,employeeNumber,name,unit,personnelGroup",
                "helse-bergen," + number + ",Kari Nordmann,post-2,sykepleier"));
        employee().body("unit", equalTo("post-2")).body("hprNumber", equalTo("7654321"));
    }

    @Test
    @Order(2)
    void emptyCellsKeepTheStoredValuesToo() {
        importCsv(csv("hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,validUntil,"
                        + "evidenceIssuer,evidenceDocumentReference",
                "helse-bergen," + number + ",Kari Nordmann,post-2,sykepleier,,HLR," + acquired + ",,,"));
        employee().body("hprNumber", equalTo("7654321"));
        hlr().body("items[0].validUntil", equalTo(validUntil))
                .body("items[0].evidence.issuer", equalTo("Helse Bergen"))
                .body("items[0].evidence.documentReference", equalTo("KURS-1"));
    }

    @Test
    @Order(3)
    void aJsonRowWithoutTheOptionalFieldsKeepsThem() {
        Map<String, Object> row = new HashMap<>(Map.of("hf", "helse-bergen", "employeeNumber", number,
                "name", "Kari Nordmann", "unit", "post-2", "personnelGroup", "sykepleier",
                "competenceCode", "HLR", "acquiredOn", acquired));
        asHrIntegration("helse-vest").body(Map.of("rows", List.of(row))).post(ROOT + "/imports").then()
                .statusCode(200).body("employeesUnchanged", equalTo(1)).body("recordsUnchanged", equalTo(1));
        employee().body("hprNumber", equalTo("7654321"));
        hlr().body("items[0].validUntil", equalTo(validUntil));
    }

    @Test
    @Order(4)
    void theClearMarkerClearsTheHprNumber() {
        importCsv(csv("hf,employeeNumber,name,unit,personnelGroup,hprNumber",
                "helse-bergen," + number + ",Kari Nordmann,post-2,sykepleier,-"));
        employee().body("hprNumber", nullValue());
    }

    @Test
    @Order(5)
    void theClearMarkerClearsARecordsEvidenceAndValidity() {
        importCsv(csv("hf,employeeNumber,name,unit,personnelGroup,competenceCode,acquiredOn,validUntil,"
                        + "evidenceIssuer",
                "helse-bergen," + number + ",Kari Nordmann,post-2,sykepleier,HLR," + acquired + ",-,-"));
        hlr().body("items[0].validUntil", nullValue())
                .body("items[0].evidence.issuer", nullValue())
                .body("items[0].evidence.documentReference", equalTo("KURS-1"));
    }

    @Test
    @Order(6)
    void requiredColumnsCannotBeClearedAndEvidenceThatATypeRequiresCannotBeEither() {
        asHrIntegration("helse-vest").contentType("text/csv")
                .body(csv("hf,employeeNumber,name,unit,personnelGroup", "helse-bergen," + number + ",-,post-2,sykepleier"))
                .post(ROOT + "/imports").then().statusCode(400).body("violations[0].field", equalTo("rows[0].name"));
        String aut = today().minusYears(2).toString();
        // The HPR number cleared by the previous step comes back: an authorisation needs one (R-AUTH-01).
        importCsv(csv("hf,employeeNumber,name,unit,personnelGroup,hprNumber,competenceCode,acquiredOn,"
                        + "evidenceDocumentReference",
                "helse-bergen," + number + ",Kari Nordmann,post-2,sykepleier,7654321,AUT-SYKEPLEIER," + aut + ",HPR-1"));
        asHrIntegration("helse-vest").contentType("text/csv")
                .body(csv("hf,employeeNumber,name,unit,personnelGroup,competenceCode,acquiredOn,"
                                + "evidenceDocumentReference",
                        "helse-bergen," + number + ",Kari Nordmann,post-2,sykepleier,AUT-SYKEPLEIER," + aut + ",-"))
                .post(ROOT + "/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("rows[0].evidenceDocumentReference"));
    }
}
