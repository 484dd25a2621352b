package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.task.CompetenceFeed;
import no.torn.task.Fixtures;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * R-CAT-01: the task catalogue requires only competence types competence-service has announced, usable in the task's
 * RHF and in force; a retirement announced later flags the tasks that require the type, with an audit line each.
 */
@QuarkusTest
class CompetenceCatalogueRuleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource db;

    private void feed(java.util.function.Consumer<CompetenceFeed> events) throws Exception {
        CompetenceFeed feed = new CompetenceFeed(bootstrap);
        events.accept(feed);
        feed.flush();
        feed.awaitApplied(db);
    }

    @Test
    void unknownCodesAre422NamingTheRuleAndEveryBadField() {
        String code = uniqueCode("UNKNOWN");
        as("vest-national").body(task(code, true, "CLINICAL", "LOW", false, true,
                        List.of("NOPE-XYZ", "AUT-SYKEPLEIER", "ALSO-NOPE")))
                .post("/api/v1/tasks").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("https://torn.no/rules/R-CAT-01"))
                .body("rules.rule", equalTo(List.of("R-CAT-01", "R-CAT-01")))
                .body("rules.field", equalTo(List.of("requiredCompetences[0]", "requiredCompetences[2]")))
                .body("rules[0].detail", containsString("unknown competence type NOPE-XYZ"));
        as("vest-national").get("/api/v1/tasks/" + code).then().statusCode(404);

        String known = nationalTask("KNOWN", "CLINICAL", "LOW", false, true, List.of("AUT-SYKEPLEIER", "HLR"));
        as("vest-national").get("/api/v1/tasks/" + known).then().statusCode(200)
                .body("retiredCompetences", equalTo(List.of()));
    }

    @Test
    void aLocalTypeServesOnlyItsOwnRegionsLocalTasks() throws Exception {
        String local = uniqueCode("VEST-KURS");
        feed(f -> f.typeDefined(local, "helse-vest", "ACTIVE", 0));

        as("sorost-admin").body(task(uniqueCode("OUS"), false, "CLINICAL", "LOW", false, true, List.of(local)))
                .post("/api/v1/tasks").then().statusCode(422)
                .body("rules.field", equalTo(List.of("requiredCompetences[0]")))
                .body("rules[0].detail", containsString("another RHF's local type"));
        as("vest-national").body(task(uniqueCode("NAT"), true, "CLINICAL", "LOW", false, true, List.of(local)))
                .post("/api/v1/tasks").then().statusCode(422)
                .body("rules[0].detail", containsString("national task requires national competence types only"));
        String vest = uniqueCode("VEST");
        as("vest-admin").body(task(vest, false, "CLINICAL", "LOW", false, true, List.of(local, "HLR")))
                .post("/api/v1/tasks").then().statusCode(201);

        // A sharing mapping's extra competences follow the same rule, in the mapping's RHF.
        createMapping("vest-admin", vest, "sykepleier", "helsefagarbeider", "AVAILABLE", List.of(local))
                .statusCode(201);
        String national = nationalTask("SHARED", "CLINICAL", "LOW", false, true, List.of());
        createMapping("sorost-admin", national, "sykepleier", "helsefagarbeider", "AVAILABLE",
                List.of("HLR", local, "NOPE-EXTRA")).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-CAT-01", "R-CAT-01")))
                .body("rules.field", equalTo(List.of("extraRequiredCompetences[1]", "extraRequiredCompetences[2]")));
    }

    @Test
    void aRetiredTypeIsRefusedAndAnOlderDefinitionDoesNotRevive() throws Exception {
        String retired = uniqueCode("GAMMEL");
        feed(f -> {
            f.typeDefined(retired, "national", "ACTIVE", 0);
            f.typeRetired(retired, "national", false, 1);
            f.typeDefined(retired, "national", "ACTIVE", 0); // a late duplicate of the first definition
        });
        as("vest-national").body(task(uniqueCode("OLD"), true, "CLINICAL", "LOW", false, true, List.of(retired)))
                .post("/api/v1/tasks").then().statusCode(422)
                .body("rules.rule", equalTo(List.of("R-CAT-01")))
                .body("rules[0].detail", containsString("is retired"));
    }

    @Test
    void aRetirementFlagsTheTasksThatRequireTheTypeWithAnAuditLineEach() throws Exception {
        String type = uniqueCode("UTGAR");
        feed(f -> f.typeDefined(type, "national", "ACTIVE", 0));
        String national = nationalTask("FLAG-NAT", "CLINICAL", "LOW", false, true, List.of(type, "HLR"));
        String local = uniqueCode("FLAG-VEST");
        as("vest-admin").body(task(local, false, "CLINICAL", "LOW", false, true, List.of(type)))
                .post("/api/v1/tasks").then().statusCode(201);
        String untouched = nationalTask("FLAG-NONE", "CLINICAL", "LOW", false, true, List.of("HLR"));
        as("vest-admin").queryParam("flagged", true).queryParam("size", 200).get("/api/v1/tasks").then()
                .statusCode(200).body("items.code", not(hasItems(national)));

        feed(f -> f.typeRetired(type, "national", false, 1));

        as("vest-admin").get("/api/v1/tasks/" + national).then().statusCode(200)
                .body("retiredCompetences", equalTo(List.of(type)))
                .body("requiredCompetences", equalTo(List.of("HLR", type).stream().sorted().toList()));
        as("vest-admin").queryParam("flagged", true).queryParam("size", 200).get("/api/v1/tasks").then()
                .statusCode(200).body("items.code", hasItems(national, local))
                .body("items.code", not(hasItem(untouched)));
        as("sorost-admin").queryParam("flagged", true).queryParam("size", 200).get("/api/v1/tasks").then()
                .statusCode(200).body("items.code", hasItem(national)).body("items.code", not(hasItem(local)));
        as("vest-admin").queryParam("flagged", false).queryParam("size", 200).queryParam("q", "FLAG-NONE")
                .get("/api/v1/tasks").then().statusCode(200).body("items.code", hasItem(untouched));
        as("vest-admin").queryParam("flagged", "maybe").get("/api/v1/tasks").then().statusCode(400);
        as("vest-auditor").queryParam("entityType", "TASK").queryParam("entityId", local)
                .get("/api/v1/tasks/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("REGISTERED", "COMPETENCE_TYPE_RETIRED")))
                .body("items[1].actor.id", equalTo("system:competence-events"))
                .body("items[1].before.retiredCompetences", equalTo(List.of()))
                .body("items[1].after.retiredCompetences", equalTo(List.of(type)));

        // The flagged task is changed only once the retired type is removed.
        Map<String, Object> change = task(local, false, "CLINICAL", "LOW", false, true, List.of(type));
        change.remove("code");
        change.remove("national");
        change.put("version", 0);
        as("vest-admin").body(change).put("/api/v1/tasks/" + local).then().statusCode(422)
                .body("rules.field", equalTo(List.of("requiredCompetences[0]")));
        change.put("requiredCompetences", List.of("HLR"));
        as("vest-admin").body(change).put("/api/v1/tasks/" + local).then().statusCode(200)
                .body("retiredCompetences", equalTo(List.of()));

        // Deleting the type keeps the national task flagged and says so in its trail.
        feed(f -> f.typeRetired(type, "national", true, 2));
        as("vest-admin").get("/api/v1/tasks/" + national).then().body("retiredCompetences", equalTo(List.of(type)));
    }
}
