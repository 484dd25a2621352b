package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.competence.Fixtures.employeeBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EmployeeTest {

    @Test
    void nationalIdentityNumbersAreRefused() {
        Map<String, Object> body = employeeBody("helse-bergen", "post", "01019912345", "sykepleier");
        as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(400)
                .body("violations.field", hasItem("employeeNumber"))
                .body("violations.message", hasItem(containsString("national identity number")));
        Map<String, Object> name = employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier");
        name.put("name", "010199 12345");
        as("vest-hr").body(name).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        Map<String, Object> dedicated = employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier");
        dedicated.put("fodselsnummer", "01019912345");
        as("vest-hr").body(dedicated).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("nationalIdentityNumber"));
        Map<String, Object> hpr = employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier");
        hpr.put("hprNumber", "01019912345");
        as("vest-hr").body(hpr).post(ROOT + "/employees").then().statusCode(400)
                .body("violations.field", hasItem("hprNumber"))
                .body("violations.message", hasItem(containsString("national identity number")));
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        Map<String, Object> hpr = employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier");
        hpr.put("hprNumber", "12AB");
        as("vest-hr").body(hpr).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("hprNumber"));
        as("vest-hr").body(employeeBody("helse-bergen", "post", Fixtures.unique("V"), "astronaut"))
                .post(ROOT + "/employees").then().statusCode(400).body("violations[0].field", equalTo("personnelGroup"));
        as("vest-hr").body(employeeBody("helse-bergen", "", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(400).body("violations[0].field", equalTo("unit"));
        as("vest-hr").body("{\"hf\": ").post(ROOT + "/employees").then().statusCode(400);
        as("vest-hr").queryParam("size", 500).get(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("vest-hr").get(ROOT + "/employees/not-a-uuid").then().statusCode(400);
    }

    @Test
    void employeeNumberIsUniquePerHf() {
        Map<String, Object> body = employeeBody("helse-bergen", "post", Fixtures.unique("V"), "helsefagarbeider");
        as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(201);
        as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(409);
        as("vest-admin").body(body).post(ROOT + "/employees").then().statusCode(409);
    }

    @Test
    void hfHrActsOnlyInItsOwnHfAndOtherRegionsSeeNothing() {
        as("vest-hr").body(employeeBody("helse-stavanger", "post", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("vest-hr").body(employeeBody("ous", "post", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("vest-hr").body(employeeBody("no-such-hf", "post", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(400).body("violations[0].field", equalTo("hf"));
        String stavanger = Fixtures.createEmployee("vest-admin", "helse-stavanger", "post", "lege");
        as("vest-hr").get(ROOT + "/employees/" + stavanger).then().statusCode(404);
        as("vest-auditor").get(ROOT + "/employees/" + stavanger).then().statusCode(200);
        as("vest-hr").queryParam("hf", "helse-stavanger").get(ROOT + "/employees").then().statusCode(403);

        String id = Fixtures.createEmployee("vest-hr", "helse-bergen", "post", "sykepleier");
        as("sorost-admin").get(ROOT + "/employees/" + id).then().statusCode(404);
        as("sorost-hr").get(ROOT + "/employees/" + id + "/competences").then().statusCode(404);
        as("sorost-admin").body(Map.of("unit", "x", "name", "y", "personnelGroup", "lege", "version", 0))
                .put(ROOT + "/employees/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of()).post(ROOT + "/employees/" + id + "/leave").then().statusCode(404);
        as("sorost-admin").queryParam("rhf", "helse-vest").get(ROOT + "/employees").then().statusCode(403);
        as("sorost-admin").queryParam("employeeNumber", "x").get(ROOT + "/employees").then().statusCode(200);
        as("vest-national").get(ROOT + "/employees/" + id).then().statusCode(200);
    }

    @Test
    void rolesAndTokensAreRequired() {
        given().get(ROOT + "/employees").then().statusCode(401);
        as("vest-norole").get(ROOT + "/employees").then().statusCode(403);
        as("vest-employee").get(ROOT + "/employees").then().statusCode(403);
        as("vest-leader").body(employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("vest-auditor").body(employeeBody("helse-bergen", "post", Fixtures.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("no-rhf").get(ROOT + "/me").then().statusCode(403);
    }
}
