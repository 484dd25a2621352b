package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static no.torn.competence.Fixtures.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ImportTest {

    static Map<String, Object> row(String hf, String number, String unit, String group, String code, String acquired) {
        Map<String, Object> row = new HashMap<>();
        row.put("hf", hf);
        row.put("employeeNumber", number);
        row.put("name", "Imported " + number);
        row.put("unit", unit);
        row.put("personnelGroup", group);
        if (Fixtures.HEALTH_PROFESSIONS.contains(group)) {
            row.put("hprNumber", "1234567");
        }
        if (code != null) {
            row.put("competenceCode", code);
            row.put("acquiredOn", acquired);
            row.put("evidenceDocumentReference", "HR-" + number + "-" + code);
        }
        return row;
    }

    @Test
    void csvWithMalformedRowsIsRefusedWithAReportAndNothingIsWritten() {
        String good = Fixtures.unique("CSV");
        String dup = Fixtures.unique("CSV");
        String csv = String.join("\n",
                "hf,employeeNumber,name,unit,personnelGroup,competenceCode,acquiredOn,evidenceDocumentReference",
                "helse-bergen," + good + ",\"Nordmann, Kari\",post-1,sykepleier,HLR,2025-05-01,",
                "helse-bergen," + dup + ",Ola,post-1,helsefagarbeider,BLODPROVE,2025-13-01,",
                "helse-bergen," + dup + ",Ola,post-2,helsefagarbeider,,,",
                "helse-bergen," + Fixtures.unique("CSV") + ",Per,post-1,sykepleier,NO-SUCH-TYPE,2025-01-01,",
                "helse-bergen,01019912345,Anne,post-1,sykepleier,,,",
                "ous," + Fixtures.unique("CSV") + ",Foreign,post-1,sykepleier,,,");
        asHrIntegration("helse-vest").contentType("text/csv").body(csv).post(ROOT + "/imports").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations.field", hasItems("rows[1].acquiredOn", "rows[2].employeeNumber",
                        "rows[3].competenceCode", "rows[4].employeeNumber", "rows[5].hf"))
                .body("violations.find { it.field == 'rows[4].employeeNumber' }.message",
                        containsString("national identity number"))
                .body("violations.field", org.hamcrest.Matchers.not(hasItem(containsString("rows[0]"))));
        as("vest-admin").queryParam("employeeNumber", good).get(ROOT + "/employees").then().body("total", equalTo(0));
        as("vest-admin").queryParam("employeeNumber", dup).get(ROOT + "/employees").then().body("total", equalTo(0));

        String valid = String.join("\r\n",
                "employeeNumber,hf,name,unit,personnelGroup,competenceCode,acquiredOn,validUntil",
                good + ",helse-bergen,\"Nordmann, \"\"Kari\"\"\",post-1,sykepleier,HLR,2025-05-01,2027-01-01",
                "");
        asHrIntegration("helse-vest").contentType("text/csv").body(valid).post(ROOT + "/imports").then().statusCode(200)
                .body("employeesCreated", equalTo(1)).body("recordsCreated", equalTo(1));
        as("vest-admin").queryParam("employeeNumber", good).get(ROOT + "/employees").then()
                .body("items[0].name", equalTo("Nordmann, \"Kari\""));

        asHrIntegration("helse-vest").contentType("text/csv").body("hf,fodselsnummer\nhelse-bergen,01019912345\n").post(ROOT + "/imports")
                .then().statusCode(400).body("violations[0].field", equalTo("header.fodselsnummer"));
    }

    @Test
    void tenThousandRowsImportInOneRequest() {
        String prefix = Fixtures.unique("BULK");
        List<Map<String, Object>> rows = new ArrayList<>(10_000);
        for (int i = 0; i < 5_000; i++) {
            String number = prefix + "-" + i;
            rows.add(row("helse-fonna", number, "unit-" + (i % 50), "sykepleier", "AUT-SYKEPLEIER", "2015-06-01"));
            rows.add(row("helse-fonna", number, "unit-" + (i % 50), "sykepleier", "HLR", today().minusMonths(3).toString()));
        }
        asHrIntegration("helse-vest").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(200)
                .body("rows", equalTo(10_000)).body("employeesCreated", equalTo(5_000))
                .body("recordsCreated", equalTo(10_000));
        as("vest-admin").queryParam("hf", "helse-fonna").queryParam("codes", "AUT-SYKEPLEIER,HLR")
                .queryParam("unit", "unit-7").get(ROOT + "/holders").then().statusCode(200)
                .body("total", equalTo(100));
    }

    @Test
    void importIsForIntegrationsAndAdminsOfTheirOwnRegion() {
        List<Map<String, Object>> rows = List.of(row("helse-bergen", Fixtures.unique("X"), "u", "lege", null, null));
        as("vest-hr").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(403);
        given().body(Map.of("rows", rows)).contentType("application/json").post(ROOT + "/imports").then()
                .statusCode(401);
        asHrIntegration("helse-sor-ost").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("rows[0].hf"));
        as("vest-admin").body(Map.of("rows", List.of())).post(ROOT + "/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("rows"));
        Map<String, Object> withId = row("helse-bergen", Fixtures.unique("X"), "u", "lege", null, null);
        withId.put("fodselsnummer", "01019912345");
        as("vest-admin").body(Map.of("rows", List.of(withId))).post(ROOT + "/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("rows[0].nationalIdentityNumber"));
        as("vest-admin").queryParam("dryRun", true)
                .body(Map.of("rows", List.of(row("helse-bergen", Fixtures.unique("X"), "u", "lege", "HLR", "someday"))))
                .post(ROOT + "/imports").then().statusCode(400)
                .body("violations[0].field", equalTo("rows[0].acquiredOn"));
    }
}
