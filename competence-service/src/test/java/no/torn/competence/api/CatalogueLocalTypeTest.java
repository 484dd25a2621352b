package no.torn.competence.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** An RHF admin creates, updates and deletes a local type that other regions cannot see. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogueLocalTypeTest {

    final String code = Fixtures.unique("VEST-PICC-").toUpperCase();
    final Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "PICC-line stell", "kind", "REAL",
            "category", "PROCEDURE", "implies", List.of("PVK")));

    @Test
    @Order(1)
    void theRhfAdminCreatesALocalType() {
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(201)
                .header("Location", endsWith(ROOT + "/types/" + code))
                .body("scope", equalTo("RHF")).body("rhf", equalTo("helse-vest"))
                .body("impliedCodes", equalTo(List.of("PVK"))).body("version", equalTo(0));
    }

    @Test
    @Order(2)
    void theCodeIsUnique() {
        as("vest-admin").body(body).post(ROOT + "/types").then().statusCode(409);
    }

    @Test
    @Order(3)
    void otherRegionsCannotSeeOrChangeIt() {
        as("sorost-admin").get(ROOT + "/types/" + code).then().statusCode(404);
        as("sorost-national").get(ROOT + "/types/" + code).then().statusCode(200);
        as("sorost-admin").body(Map.of("name", "x", "kind", "REAL", "category", "PROCEDURE", "version", 0))
                .put(ROOT + "/types/" + code).then().statusCode(404);
        as("sorost-admin").delete(ROOT + "/types/" + code).then().statusCode(404);
    }

    @Test
    @Order(4)
    void hrDoesNotMaintainTheCatalogue() {
        as("vest-hr").body(body).post(ROOT + "/types").then().statusCode(403);
    }

    @Test
    @Order(5)
    void theAdminUpdatesItOnTheCurrentVersionOnly() {
        as("vest-admin").body(Map.of("name", "PICC-line, stell og bruk", "kind", "REAL", "category", "PROCEDURE",
                        "validityMonths", 24, "implies", List.of("PVK"), "version", 0))
                .put(ROOT + "/types/" + code).then().statusCode(200)
                .body("validityMonths", equalTo(24)).body("version", equalTo(1));
        as("vest-admin").body(Map.of("name", "stale", "kind", "REAL", "category", "PROCEDURE", "version", 0))
                .put(ROOT + "/types/" + code).then().statusCode(409);
    }

    @Test
    @Order(6)
    void theAdminDeletesIt() {
        as("vest-admin").delete(ROOT + "/types/" + code).then().statusCode(204);
        as("vest-admin").get(ROOT + "/types/" + code).then().statusCode(404);
    }
}
