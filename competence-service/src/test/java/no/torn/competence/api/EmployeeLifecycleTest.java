package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import no.torn.competence.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashMap;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.employeeBody;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** HR registers, updates and offboards an employee; every step publishes its event and writes an audit line. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmployeeLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    final String number = Fixtures.unique("V");
    final Map<String, Object> update = new HashMap<>(Map.of("unit", "intensiv", "name", "Renamed Person",
            "personnelGroup", "spesialsykepleier", "hprNumber", "1234567", "version", 0));
    String id;

    @Test
    @Order(1)
    void hrRegistersAnEmployeeOfItsRhf() {
        Map<String, Object> body = employeeBody("helse-bergen", "medisinsk-post-1", number, "sykepleier");
        body.put("hprNumber", "1234567");
        Response created = as("vest-hr").body(body).post(ROOT + "/employees");
        created.then().statusCode(201)
                .body("rhf", equalTo("helse-vest")).body("hf", equalTo("helse-bergen"))
                .body("status", equalTo("ACTIVE")).body("version", equalTo(0))
                .body("hprNumber", equalTo("1234567"));
        id = created.path("id");
        assertThat(created.header("Location")).endsWith(ROOT + "/employees/" + id);
    }

    @Test
    @Order(2)
    void registrationIsPublished() {
        JsonNode registered = Fixtures.event(bootstrap, id, "employee-registered");
        assertThat(registered.path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(registered.path("data").path("employeeNumber").asText()).isEqualTo(number);
        assertThat(registered.path("data").path("personnelGroup").asText()).isEqualTo("sykepleier");
        assertThat(registered.path("data").path("unit").asText()).isEqualTo("medisinsk-post-1");
    }

    @Test
    @Order(3)
    void theEmployeeCanBeReadAndFound() {
        as("vest-admin").get(ROOT + "/employees/" + id).then().statusCode(200)
                .body("employeeNumber", equalTo(number));
        as("vest-hr").queryParam("employeeNumber", number).get(ROOT + "/employees").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    @Order(4)
    void anUpdateMovesTheEmployeeAndIsPublished() {
        as("vest-hr").body(update).put(ROOT + "/employees/" + id).then().statusCode(200)
                .body("unit", equalTo("intensiv")).body("version", equalTo(1));
        JsonNode updated = Fixtures.event(bootstrap, id, "employee-updated");
        assertThat(updated.path("data").path("unit").asText()).isEqualTo("intensiv");
        assertThat(updated.path("data").path("version").asLong()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void anUpdateOnAStaleVersionIsRefused() {
        as("vest-hr").body(update).put(ROOT + "/employees/" + id).then().statusCode(409)
                .body("type", containsString("stale-version"));
    }

    @Test
    @Order(6)
    void leavingIsPublished() {
        as("vest-hr").body(Map.of("version", 1)).post(ROOT + "/employees/" + id + "/leave").then().statusCode(200)
                .body("status", equalTo("LEFT"));
        JsonNode left = Fixtures.event(bootstrap, id, "employee-left");
        assertThat(left.path("data").path("status").asText()).isEqualTo("LEFT");
        assertThat(left.path("data").path("version").asLong()).isEqualTo(2);
    }

    @Test
    @Order(7)
    void anEmployeeWhoHasLeftCannotLeaveAgain() {
        as("vest-hr").body(Map.of("version", 2)).post(ROOT + "/employees/" + id + "/leave").then().statusCode(409)
                .body("detail", containsString("LEFT"));
    }

    @Test
    @Order(8)
    void everyChangeIsInTheAuditTrail() {
        as("vest-auditor").queryParam("entityType", "EMPLOYEE").queryParam("entityId", id)
                .get(ROOT + "/audit").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.action", equalTo(java.util.List.of("REGISTERED", "UPDATED", "LEFT")))
                .body("items.actor.name", hasItems("HR Vest"))
                .body("items.actor.role", hasItems("hf-hr"))
                .body("items[1].before.unit", equalTo("medisinsk-post-1"))
                .body("items[1].after.unit", equalTo("intensiv"))
                .body("items[2].after.status", equalTo("LEFT"));
    }
}
