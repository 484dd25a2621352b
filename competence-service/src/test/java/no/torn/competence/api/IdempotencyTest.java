package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import no.torn.platform.application.Idempotency;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.employeeBody;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.competence.api.ImportTest.row;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Idempotency-Key on every create: employees, records, catalogue types and HR imports. */
@QuarkusTest
class IdempotencyTest {

    @Test
    void theSameKeyAndBodyAnswerTheFirstEmployeeAndCreateOne() {
        Map<String, Object> body = employeeBody("helse-bergen", "post", Fixtures.unique("V"), "helsefagarbeider");
        String key = Fixtures.unique("key-");
        String first = as("vest-hr").header(Idempotency.HEADER, key).body(body).post(ROOT + "/employees").then()
                .statusCode(201).extract().path("id");
        String again = as("vest-hr").header(Idempotency.HEADER, key).body(body).post(ROOT + "/employees").then()
                .statusCode(201).extract().path("id");
        assertThat(again).isEqualTo(first);
        as("vest-hr").queryParam("employeeNumber", body.get("employeeNumber")).get(ROOT + "/employees").then()
                .body("total", equalTo(1));
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstRecordAndCreateOne() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "post", "sykepleier");
        Map<String, Object> body = recordBody(employee, "HLR", today().minusDays(2), null, null);
        String key = Fixtures.unique("key-");
        String first = as("vest-hr").header(Idempotency.HEADER, key).body(body).post(ROOT + "/records").then()
                .statusCode(201).extract().path("id");
        as("vest-hr").header(Idempotency.HEADER, key).body(body).post(ROOT + "/records").then()
                .statusCode(201).body("id", equalTo(first))
                .header("Location", containsString(ROOT + "/records/" + first));
        as("vest-hr").queryParam("employeeId", employee).get(ROOT + "/records").then().body("total", equalTo(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "post", "sykepleier");
        String key = Fixtures.unique("key-");
        as("vest-hr").header(Idempotency.HEADER, key).body(recordBody(employee, "HLR", today(), null, null))
                .post(ROOT + "/records").then().statusCode(201);
        as("vest-hr").header(Idempotency.HEADER, key).body(recordBody(employee, "PVK", today(), null, null))
                .post(ROOT + "/records").then().statusCode(422)
                .body("violations[0].field", equalTo(Idempotency.HEADER));
        as("vest-hr").queryParam("employeeId", employee).get(ROOT + "/records").then().body("total", equalTo(1));
    }

    @Test
    void twoUsersWithTheSameKeyGetTwoResources() {
        String key = Fixtures.unique("key-");
        String byHr = as("vest-hr").header(Idempotency.HEADER, key)
                .body(employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(201).extract().path("id");
        String byAdmin = as("vest-admin").header(Idempotency.HEADER, key)
                .body(employeeBody("helse-bergen", "post", Fixtures.unique("V"), "lege"))
                .post(ROOT + "/employees").then().statusCode(201).extract().path("id");
        assertThat(byAdmin).isNotEqualTo(byHr);
        as("vest-admin").get(ROOT + "/employees/" + byAdmin).then().statusCode(200)
                .body("personnelGroup", equalTo("lege"));
    }

    @Test
    void aBlankKeyIsRefused() {
        String number = Fixtures.unique("V");
        as("vest-hr").header(Idempotency.HEADER, " ")
                .body(employeeBody("helse-bergen", "post", number, "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo(Idempotency.HEADER));
        as("vest-hr").queryParam("employeeNumber", number).get(ROOT + "/employees").then().body("total", equalTo(0));
    }

    @Test
    void aCatalogueTypeIsCreatedOncePerKey() {
        String code = Fixtures.unique("IDEM-").toUpperCase();
        Map<String, Object> body = Map.of("code", code, "name", "Kurs", "kind", "REAL", "category", "COURSE");
        String key = Fixtures.unique("key-");
        as("vest-admin").header(Idempotency.HEADER, key).body(body).post(ROOT + "/types").then().statusCode(201);
        as("vest-admin").header(Idempotency.HEADER, key).body(body).post(ROOT + "/types").then().statusCode(201)
                .body("code", equalTo(code));
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(409);
    }

    @Test
    void aRepeatedImportAnswersTheFirstResultAndIsNotAppliedTwice() {
        String number = Fixtures.unique("IDEM");
        Map<String, Object> rows = Map.of("rows", List.of(
                row("helse-bergen", number, "post", "sykepleier", "HLR", today().minusMonths(1).toString())));
        String key = Fixtures.unique("key-");
        asHrIntegration("helse-vest").header(Idempotency.HEADER, key).body(rows).post(ROOT + "/imports").then()
                .statusCode(200).body("employeesCreated", equalTo(1)).body("recordsCreated", equalTo(1));
        asHrIntegration("helse-vest").header(Idempotency.HEADER, key).body(rows).post(ROOT + "/imports").then()
                .statusCode(200).body("employeesCreated", equalTo(1)).body("recordsCreated", equalTo(1))
                .body("employeesUnchanged", equalTo(0));
        String id = as("vest-admin").queryParam("employeeNumber", number).get(ROOT + "/employees").then()
                .body("total", equalTo(1)).extract().path("items[0].id");
        as("vest-auditor").queryParam("entityType", "EMPLOYEE").queryParam("entityId", id).get(ROOT + "/audit")
                .then().statusCode(200).body("total", equalTo(1));
        // Without the key the same rows are simply upserted again: nothing changes.
        asHrIntegration("helse-vest").body(rows).post(ROOT + "/imports").then().statusCode(200)
                .body("employeesCreated", equalTo(0)).body("employeesUnchanged", equalTo(1));
    }
}
