package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Api;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.competence.Api.ROOT;
import static no.torn.competence.Api.as;
import static no.torn.competence.Api.employeeBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EmployeeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void hrRegistersUpdatesAndOffboardsAnEmployeeWithEvents() {
        String number = Api.unique("V");
        Map<String, Object> body = employeeBody("helse-bergen", "medisinsk-post-1", number, "sykepleier");
        body.put("hprNumber", "1234567");
        body.put("id", "00000000-0000-0000-0000-000000000001");
        body.put("rhf", "helse-sor-ost");
        body.put("status", "LEFT");
        String id = as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(201)
                .body("rhf", equalTo("helse-vest")).body("hf", equalTo("helse-bergen"))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(0))
                .body("hprNumber", equalTo("1234567"))
                .extract().path("id");
        assertThat(id).isNotEqualTo("00000000-0000-0000-0000-000000000001");

        JsonNode registered = Api.event(bootstrap, id, "employee-registered");
        assertThat(registered.path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(registered.path("data").path("employeeNumber").asText()).isEqualTo(number);
        assertThat(registered.path("data").path("personnelGroup").asText()).isEqualTo("sykepleier");
        assertThat(registered.path("data").path("unit").asText()).isEqualTo("medisinsk-post-1");

        as("vest-admin").get(ROOT + "/employees/" + id).then().statusCode(200).body("employeeNumber", equalTo(number));
        as("vest-hr").queryParam("employeeNumber", number).get(ROOT + "/employees").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));

        Map<String, Object> update = new HashMap<>(Map.of("unit", "intensiv", "name", "Renamed Person",
                "personnelGroup", "spesialsykepleier", "hprNumber", "1234567", "version", 0));
        as("vest-hr").body(update).put(ROOT + "/employees/" + id).then().statusCode(200)
                .body("unit", equalTo("intensiv")).body("version", equalTo(1));
        as("vest-hr").body(update).put(ROOT + "/employees/" + id).then().statusCode(409)
                .body("type", containsString("stale-version"));
        JsonNode updated = Api.event(bootstrap, id, "employee-updated");
        assertThat(updated.path("data").path("unit").asText()).isEqualTo("intensiv");
        assertThat(updated.path("data").path("version").asLong()).isEqualTo(1);

        as("vest-hr").body(Map.of("version", 1)).post(ROOT + "/employees/" + id + "/leave").then().statusCode(200)
                .body("status", equalTo("LEFT"));
        JsonNode left = Api.event(bootstrap, id, "employee-left");
        assertThat(left.path("data").path("status").asText()).isEqualTo("LEFT");
        assertThat(left.path("data").path("version").asLong()).isEqualTo(2);
    }

    @Test
    void nationalIdentityNumbersAreRefused() {
        Map<String, Object> body = employeeBody("helse-bergen", "post", "01019912345", "sykepleier");
        as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(400)
                .body("violations.field", hasItem("employeeNumber"))
                .body("violations.message", hasItem(containsString("national identity number")));
        Map<String, Object> name = employeeBody("helse-bergen", "post", Api.unique("V"), "sykepleier");
        name.put("name", "010199 12345");
        as("vest-hr").body(name).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        Map<String, Object> dedicated = employeeBody("helse-bergen", "post", Api.unique("V"), "sykepleier");
        dedicated.put("fodselsnummer", "01019912345");
        as("vest-hr").body(dedicated).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("nationalIdentityNumber"));
        Map<String, Object> hpr = employeeBody("helse-bergen", "post", Api.unique("V"), "sykepleier");
        hpr.put("hprNumber", "01019912345");
        as("vest-hr").body(hpr).post(ROOT + "/employees").then().statusCode(400)
                .body("violations.field", hasItem("hprNumber"))
                .body("violations.message", hasItem(containsString("national identity number")));
    }

    @Test
    void invalidInputIsRefusedNamingTheField() {
        Map<String, Object> hpr = employeeBody("helse-bergen", "post", Api.unique("V"), "sykepleier");
        hpr.put("hprNumber", "12AB");
        as("vest-hr").body(hpr).post(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("hprNumber"));
        as("vest-hr").body(employeeBody("helse-bergen", "post", Api.unique("V"), "astronaut"))
                .post(ROOT + "/employees").then().statusCode(400).body("violations[0].field", equalTo("personnelGroup"));
        as("vest-hr").body(employeeBody("helse-bergen", "", Api.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(400).body("violations[0].field", equalTo("unit"));
        as("vest-hr").body("{\"hf\": ").post(ROOT + "/employees").then().statusCode(400);
        as("vest-hr").queryParam("size", 500).get(ROOT + "/employees").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("vest-hr").get(ROOT + "/employees/not-a-uuid").then().statusCode(400);
    }

    @Test
    void employeeNumberIsUniquePerHfAndIdempotencyKeyRepeatsTheFirstResult() {
        Map<String, Object> body = employeeBody("helse-bergen", "post", Api.unique("V"), "helsefagarbeider");
        String key = Api.unique("key-");
        String first = as("vest-hr").header("Idempotency-Key", key).body(body).post(ROOT + "/employees").then()
                .statusCode(201).extract().path("id");
        as("vest-hr").header("Idempotency-Key", key).body(body).post(ROOT + "/employees").then()
                .statusCode(201).body("id", equalTo(first));
        as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(409);
    }

    @Test
    void hfHrActsOnlyInItsOwnHfAndOtherRegionsSeeNothing() {
        as("vest-hr").body(employeeBody("helse-stavanger", "post", Api.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("vest-hr").body(employeeBody("ous", "post", Api.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("vest-hr").body(employeeBody("no-such-hf", "post", Api.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(400).body("violations[0].field", equalTo("hf"));
        String stavanger = Api.createEmployee("vest-admin", "helse-stavanger", "post", "lege");
        as("vest-hr").get(ROOT + "/employees/" + stavanger).then().statusCode(404);
        as("vest-auditor").get(ROOT + "/employees/" + stavanger).then().statusCode(200);
        as("vest-hr").queryParam("hf", "helse-stavanger").get(ROOT + "/employees").then().statusCode(403);

        String id = Api.createEmployee("vest-hr", "helse-bergen", "post", "sykepleier");
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
        as("vest-leader").body(employeeBody("helse-bergen", "post", Api.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("vest-auditor").body(employeeBody("helse-bergen", "post", Api.unique("V"), "sykepleier"))
                .post(ROOT + "/employees").then().statusCode(403);
        as("no-rhf").get(ROOT + "/me").then().statusCode(403);
    }
}
