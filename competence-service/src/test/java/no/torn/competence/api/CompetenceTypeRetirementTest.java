package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import no.torn.competence.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.platform.testing.Api.as;
import static no.torn.platform.testing.Api.asHrIntegration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The competence type lifecycle: retiring keeps a type readable and its records valid but refuses new records
 * (R-COMP-04); every catalogue change is announced on the type's own stream.
 */
@QuarkusTest
class CompetenceTypeRetirementTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private static Map<String, Object> type(String code, boolean national) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", "Kurs " + code, "kind", "REAL",
                "category", "COURSE", "implies", List.of("HLR")));
        if (national) {
            body.put("national", true);
        }
        return body;
    }

    @Test
    void onlyTheMaintainerRetiresAndOnlyOnceWithTheVersionItRead() {
        String code = Fixtures.unique("NAT-RET-").toUpperCase();
        as("vest-national").body(type(code, true)).post(ROOT + "/types").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("retiredAt", nullValue());

        as("vest-admin").body(Map.of("version", 0)).post(ROOT + "/types/" + code + "/retire").then().statusCode(403);
        as("vest-hr").body(Map.of("version", 0)).post(ROOT + "/types/" + code + "/retire").then().statusCode(403);
        as("vest-national").body(Map.of()).post(ROOT + "/types/" + code + "/retire").then().statusCode(400)
                .body("violations.field", hasItem("version"));
        as("vest-national").body(Map.of("version", 7)).post(ROOT + "/types/" + code + "/retire").then()
                .statusCode(409).contentType(containsString("application/problem+json"));
        as("vest-national").body(Map.of("version", 0)).post(ROOT + "/types/" + code + "/retire").then()
                .statusCode(200).body("status", equalTo("RETIRED")).body("retiredAt", notNullValue())
                .body("version", equalTo(1));
        as("vest-national").body(Map.of("version", 1)).post(ROOT + "/types/" + code + "/retire").then()
                .statusCode(409);

        // Still readable, and listed by status.
        as("vest-hr").get(ROOT + "/types/" + code).then().statusCode(200).body("status", equalTo("RETIRED"));
        as("vest-admin").queryParam("status", "RETIRED").queryParam("size", 200).get(ROOT + "/types").then()
                .statusCode(200).body("items.code", hasItem(code));
        as("vest-admin").queryParam("status", "ACTIVE").queryParam("q", code).get(ROOT + "/types").then()
                .statusCode(200).body("items.code", not(hasItem(code)));
        as("vest-admin").queryParam("status", "GONE").get(ROOT + "/types").then().statusCode(400)
                .body("violations.field", hasItem("status"));

        JsonNode defined = Fixtures.event(bootstrap, code, "competence-type-defined");
        assertThat(defined.path("rhf").asText()).isEqualTo("national");
        assertThat(defined.path("data").path("rhf").asText()).isEqualTo("national");
        assertThat(defined.path("data").path("status").asText()).isEqualTo("ACTIVE");
        assertThat(defined.path("data").path("implies").toString()).isEqualTo("[\"HLR\"]");
        assertThat(defined.path("data").path("version").asLong()).isZero();
        JsonNode retired = Fixtures.event(bootstrap, code, "competence-type-retired");
        assertThat(retired.path("rhf").asText()).isEqualTo("national");
        assertThat(retired.path("data").path("deleted").asBoolean()).isFalse();
        assertThat(retired.path("data").path("version").asLong()).isEqualTo(1);
    }

    @Test
    void anotherRegionsLocalTypeIsNotFound() {
        String code = Fixtures.unique("VEST-RET-").toUpperCase();
        as("vest-admin").body(type(code, false)).post(ROOT + "/types").then().statusCode(201);
        as("sorost-admin").body(Map.of("version", 0)).post(ROOT + "/types/" + code + "/retire").then()
                .statusCode(404).contentType(containsString("application/problem+json"));
        as("vest-admin").body(Map.of("version", 0)).post(ROOT + "/types/" + code + "/retire").then()
                .statusCode(200).body("status", equalTo("RETIRED"));
        as("sorost-admin").body(Map.of("version", 0)).post(ROOT + "/types/NO-SUCH-TYPE/retire").then()
                .statusCode(404);
        as("vest-auditor").queryParam("entityType", "COMPETENCE_TYPE").queryParam("entityId", code)
                .get(ROOT + "/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "RETIRED")))
                .body("items[1].before.status", equalTo("ACTIVE"))
                .body("items[1].after.status", equalTo("RETIRED"));

        JsonNode retired = Fixtures.event(bootstrap, code, "competence-type-retired");
        assertThat(retired.path("rhf").asText()).isEqualTo("helse-vest");
        assertThat(retired.path("data").path("rhf").asText()).isEqualTo("helse-vest");
    }

    @Test
    void aRetiredTypeKeepsItsRecordsButRefusesNewOnesAndNewImportRows() {
        String code = Fixtures.unique("VEST-OLD-").toUpperCase();
        as("vest-admin").body(type(code, false)).post(ROOT + "/types").then().statusCode(201);
        String holder = Fixtures.createEmployee("vest-hr", "helse-bergen", "post-1", "sykepleier");
        LocalDate acquired = Fixtures.today().minusDays(10);
        String kept = Fixtures.createRecord("vest-hr", holder, code, acquired, null);
        as("vest-admin").body(Map.of("version", 0)).post(ROOT + "/types/" + code + "/retire").then().statusCode(200);

        as("vest-hr").get(ROOT + "/records/" + kept).then().statusCode(200).body("status", equalTo("ACTIVE"));

        String other = Fixtures.createEmployee("vest-hr", "helse-bergen", "post-1", "sykepleier");
        as("vest-hr").body(Fixtures.recordBody(other, code, acquired, null, "DOC-1")).post(ROOT + "/records")
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://torn.no/rules/R-COMP-04"))
                .body("rules.rule", equalTo(List.of("R-COMP-04")))
                .body("rules.field", equalTo(List.of("competenceCode")));

        String number = Fixtures.unique("IMP");
        List<Map<String, Object>> rows = List.of(
                ImportTest.row("helse-bergen", number, "post-1", "sykepleier", "HLR", acquired.toString()),
                ImportTest.row("helse-bergen", number, "post-1", "sykepleier", code, acquired.toString()));
        asHrIntegration("helse-vest").body(Map.of("rows", rows)).post(ROOT + "/imports").then().statusCode(422)
                .body("rules.rule", equalTo(List.of("R-COMP-04")))
                .body("rules.field", equalTo(List.of("rows[1].competenceCode")));
        as("vest-admin").queryParam("employeeNumber", number).get(ROOT + "/employees").then()
                .body("total", equalTo(0));
    }

    @Test
    void deletingATypeAnnouncesItAsRetiredAndDeleted() {
        String code = Fixtures.unique("VEST-DEL-").toUpperCase();
        as("vest-admin").body(type(code, false)).post(ROOT + "/types").then().statusCode(201);
        as("vest-admin").body(Map.of("name", "Nytt navn", "kind", "REAL", "category", "COURSE", "version", 0))
                .put(ROOT + "/types/" + code).then().statusCode(200);
        as("vest-admin").delete(ROOT + "/types/" + code).then().statusCode(204);

        List<JsonNode> defined = Fixtures.events(bootstrap, code, "competence-type-defined", 2);
        assertThat(defined).extracting(e -> e.path("data").path("version").asLong()).containsExactly(0L, 1L);
        assertThat(defined.get(1).path("data").path("name").asText()).isEqualTo("Nytt navn");
        assertThat(defined.get(1).path("data").path("implies").size()).isZero();
        JsonNode deleted = Fixtures.event(bootstrap, code, "competence-type-retired");
        assertThat(deleted.path("data").path("deleted").asBoolean()).isTrue();
        assertThat(deleted.path("data").path("version").asLong()).isEqualTo(2);
    }

    @Test
    void theSeededCatalogueIsAnnouncedOnceAtStartUp() {
        JsonNode doctor = Fixtures.event(bootstrap, "AUT-LEGE", "competence-type-defined");
        assertThat(doctor.path("rhf").asText()).isEqualTo("national");
        assertThat(doctor.path("data").path("category").asText()).isEqualTo("AUTHORISATION");
        assertThat(doctor.path("data").path("authorisesGroups").toString()).isEqualTo("[\"lege\",\"lis\"]");
        assertThat(doctor.path("data").path("status").asText()).isEqualTo("ACTIVE");
        JsonNode advanced = Fixtures.event(bootstrap, "AHLR", "competence-type-defined");
        assertThat(advanced.path("data").path("implies").toString()).isEqualTo("[\"HLR\"]");
        assertThat(advanced.path("data").path("rhf").asText()).isEqualTo("national");
    }
}
