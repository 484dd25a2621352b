package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.competence.Fixtures.employeeBody;
import static no.torn.competence.Fixtures.today;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class MeTest {

    @Test
    void anEmployeeSeesTheirOwnCompetenceAndTheReadIsNotAccessLogged() {
        Map<String, Object> body = employeeBody("helse-bergen", "post-3", "V1001", "spesialsykepleier");
        String id = as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(201).extract().path("id");
        Fixtures.createRecord("vest-hr", id, "SPES-ANESTESI", today().minusYears(1), null);

        as("vest-employee").get(ROOT + "/me").then().statusCode(200)
                .body("employee.id", equalTo(id))
                .body("records.size()", equalTo(1))
                .body("validCodes", hasItems("SPES-ANESTESI", "AUT-SYKEPLEIER"));
        as("vest-auditor").queryParam("employeeId", id).get(ROOT + "/access-log").then().statusCode(200)
                .body("total", equalTo(0));

        as("sorost-employee").get(ROOT + "/me").then().statusCode(404);
        as("vest-hr").get(ROOT + "/me").then().statusCode(403);
        as("vest-employee").get(ROOT + "/employees/" + id).then().statusCode(403);
        given().get(ROOT + "/me").then().statusCode(401);
    }
}
