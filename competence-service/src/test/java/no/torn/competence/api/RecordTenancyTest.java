package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.recordBody;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** A record of one RHF is invisible to another (404), HF-bound roles stay in their HF, history is for auditors. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordTenancyTest {

    String employee;
    String id;

    /** Runs once, before the first step (the HTTP port is known only per test). */
    @BeforeEach
    void aRecordOfHelseVestWithOneUpdate() {
        if (id != null) {
            return;
        }
        employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        id = Fixtures.createRecord("vest-hr", employee, "HLR", today().minusDays(3), null);
        as("vest-hr").body(Map.of("validUntil", today().plusMonths(6).toString(), "version", 0))
                .put(ROOT + "/records/" + id).then().statusCode(200);
    }

    @Test
    @Order(1)
    void anotherRegionCannotReadTheRecordButANationalAdminCan() {
        as("sorost-admin").get(ROOT + "/records/" + id).then().statusCode(404);
        as("sorost-national").get(ROOT + "/records/" + id).then().statusCode(200);
    }

    @Test
    @Order(2)
    void anotherRegionCannotChangeTheRecord() {
        as("sorost-hr").body(Map.of("validUntil", today().toString(), "version", 1))
                .put(ROOT + "/records/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of("reason", "x", "version", 1))
                .post(ROOT + "/records/" + id + "/revoke").then().statusCode(404);
        as("sorost-admin").body(Map.of("attestedBy", employee, "level", 1, "version", 1))
                .post(ROOT + "/records/" + id + "/attest").then().statusCode(404);
    }

    @Test
    @Order(3)
    void anotherRegionCannotRegisterForTheEmployeeNorListTheirRecords() {
        as("sorost-hr").body(recordBody(employee, "HLR", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(400).body("violations[0].field", equalTo("employeeId"));
        as("sorost-admin").queryParam("employeeId", employee).get(ROOT + "/records").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    @Order(4)
    void theHistoryIsForTheRegionsAuditorsAndAdmins() {
        as("sorost-auditor").get(ROOT + "/records/" + id + "/history").then().statusCode(404);
        as("vest-auditor").get(ROOT + "/records/" + id + "/history").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("[0].action", equalTo("REGISTERED"))
                .body("[1].action", equalTo("UPDATED"))
                .body("[1].changes.validUntil.to", equalTo(today().plusMonths(6).toString()))
                .body("[1].actor.id", not(nullValue()));
        as("vest-hr").get(ROOT + "/records/" + id + "/history").then().statusCode(403);
    }

    @Test
    @Order(5)
    void hrOfTheHfListsAndRegisters() {
        as("vest-hr").queryParam("employeeId", employee).get(ROOT + "/records").then().statusCode(200)
                .body("total", equalTo(1));
        as("vest-hr").body(recordBody(employee, "HLR", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(201);
    }

    @Test
    @Order(6)
    void hrOfAnotherHfOfTheRegionCannotRegister() {
        String stavanger = Fixtures.createEmployee("vest-admin", "helse-stavanger", "post", "sykepleier");
        as("vest-hr").body(recordBody(stavanger, "HLR", today(), null, null)).post(ROOT + "/records").then()
                .statusCode(404);
    }

    @Test
    @Order(7)
    void aTokenAndARoleAreRequired() {
        given().get(ROOT + "/records").then().statusCode(401);
        as("vest-norole").get(ROOT + "/records/" + id).then().statusCode(403);
        as("vest-employee").get(ROOT + "/records/" + id).then().statusCode(403);
    }
}
