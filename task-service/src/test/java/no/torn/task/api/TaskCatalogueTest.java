package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.torn.platform.testing.TestTokens;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.publishedEvent;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class TaskCatalogueTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void nationalAdminRegistersNationalTaskReadableByEveryRhfAndAnnouncesIt() {
        String code = uniqueCode("BLOOD");
        Map<String, Object> body = task(code, true, "CLINICAL", "MEDIUM", true, false,
                List.of("BLODPROVE", "AUT-HELSEFAGARBEIDER"));
        body.put("description", "Venøs blodprøvetaking på sengepost");
        body.put("safetyNote", "Pasientidentifikasjon før prøvetaking");
        as("vest-national").body(body).post("/api/v1/tasks")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/tasks/" + code))
                .body("code", equalTo(code))
                .body("scope", equalTo("NATIONAL"))
                .body("rhf", nullValue())
                .body("status", equalTo("ACTIVE"))
                .body("version", equalTo(0))
                .body("requiredCompetences", equalTo(List.of("AUT-HELSEFAGARBEIDER", "BLODPROVE")));

        as("sorost-employee").get("/api/v1/tasks/" + code).then().statusCode(200)
                .body("safetyNote", equalTo("Pasientidentifikasjon før prøvetaking"));
        as("vest-auditor").get("/api/v1/tasks?scope=NATIONAL&size=200&q=" + code.toLowerCase())
                .then().statusCode(200).body("items.code", hasItem(code)).body("total", equalTo(1));

        TopicReader.Event event = publishedEvent(bootstrap, "task-registered", code);
        assertThat(event.cloudEvent().path("rhf").asText()).isEqualTo("national");
        assertThat(event.data().path("rhf").isNull()).isTrue();
        assertThat(event.data().path("requiresHealthProfessional").asBoolean()).isTrue();
        assertThat(event.data().path("requiredCompetences").toString()).isEqualTo("[\"AUT-HELSEFAGARBEIDER\",\"BLODPROVE\"]");
    }

    @Test
    void anRhfLocalVariantIsHiddenFromOtherRhfs() {
        String national = nationalTask("MEDS", "MEDICATION", "HIGH", true, false, List.of("LEGEMIDDELHANDTERING"));
        String variant = uniqueCode("MEDS-VEST");
        Map<String, Object> body = task(variant, false, "MEDICATION", "HIGH", true, false,
                List.of("LEGEMIDDELHANDTERING", "AUT-HELSEFAGARBEIDER"));
        body.put("variantOf", national);
        as("vest-admin").body(body).post("/api/v1/tasks").then().statusCode(201)
                .body("scope", equalTo("RHF")).body("rhf", equalTo("helse-vest")).body("variantOf", equalTo(national));

        // Foreign RHF: not found on read, not listed, and no write.
        as("sorost-admin").get("/api/v1/tasks/" + variant).then().statusCode(404)
                .contentType("application/problem+json");
        as("sorost-admin").get("/api/v1/tasks?size=200&q=" + variant.toLowerCase()).then().statusCode(200)
                .body("total", equalTo(0));
        as("sorost-admin").body(Map.of("version", 0)).post("/api/v1/tasks/" + variant + "/retire")
                .then().statusCode(404);
        // The national admin reads every RHF's tasks.
        as("sorost-national").get("/api/v1/tasks/" + variant).then().statusCode(200);
        as("vest-employee").get("/api/v1/tasks?scope=RHF&size=200").then().statusCode(200)
                .body("items.code", hasItem(variant)).body("items.code", not(hasItem(national)));
        publishedEvent(bootstrap, "task-registered", variant);
    }

    @Test
    void nationalTasksAreWrittenByNationalAdminsAndLocalOnesByTheirRhfAdmin() {
        String national = nationalTask("MEDS", "MEDICATION", "HIGH", true, false, List.of("LEGEMIDDELHANDTERING"));
        String variant = uniqueCode("MEDS-VEST");
        Map<String, Object> body = task(variant, false, "MEDICATION", "HIGH", true, false,
                List.of("LEGEMIDDELHANDTERING", "AUT-HELSEFAGARBEIDER"));
        body.put("variantOf", national);
        as("vest-admin").body(body).post("/api/v1/tasks").then().statusCode(201);
        // Only a national admin writes national tasks; an RHF admin neither registers nor changes them.
        as("vest-admin").body(task(uniqueCode("NAT"), true, "CLINICAL", "LOW", false, false, List.of()))
                .post("/api/v1/tasks").then().statusCode(403);
        as("vest-admin").body(Map.of("version", 0)).post("/api/v1/tasks/" + national + "/retire")
                .then().statusCode(403);
        // ...and a national admin does not write an RHF's local tasks.
        as("vest-national").body(Map.of("version", 0)).post("/api/v1/tasks/" + variant + "/retire")
                .then().statusCode(403);
        as("vest-national").body(task(uniqueCode("LOC"), false, "CLINICAL", "LOW", false, false, List.of()))
                .post("/api/v1/tasks").then().statusCode(403);
    }

    @Test
    void updateAndRetireUseOptimisticConcurrencyAndPublishEvents() {
        String code = nationalTask("PORTER", "LOGISTICS", "LOW", false, true, List.of());
        Map<String, Object> update = new HashMap<>(Map.of("version", 0, "title", "Pasienttransport internt",
                "category", "LOGISTICS", "riskLevel", "MEDIUM", "requiresHealthProfessional", false,
                "allowsUntrainedStaff", true, "requiredCompetences", List.of("PASIENTFORFLYTNING")));
        as("vest-national").body(update).put("/api/v1/tasks/" + code).then().statusCode(200)
                .body("version", equalTo(1)).body("riskLevel", equalTo("MEDIUM"))
                .body("requiredCompetences", equalTo(List.of("PASIENTFORFLYTNING")));
        // A second writer with the old version loses.
        as("vest-national").body(update).put("/api/v1/tasks/" + code).then().statusCode(409)
                .body("type", containsString("stale-version"));
        assertThat(publishedEvent(bootstrap, "task-updated", code).data().path("version").asLong()).isEqualTo(1);

        as("vest-national").body(Map.of("version", 1)).post("/api/v1/tasks/" + code + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("version", equalTo(2));
        as("vest-national").body(Map.of("version", 2)).post("/api/v1/tasks/" + code + "/retire")
                .then().statusCode(409);
        assertThat(publishedEvent(bootstrap, "task-retired", code).data().path("status").asText())
                .isEqualTo("RETIRED");
        as("vest-employee").get("/api/v1/tasks?status=RETIRED&size=200").then().statusCode(200)
                .body("items.code", hasItem(code));
    }

    @Test
    void invalidInputIs400NamingTheFields() {
        as("vest-national").body(Map.of("code", "x")).post("/api/v1/tasks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("code"))
                .body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("category"));
        Map<String, Object> badEnum = task(uniqueCode("ENUM"), true, "SURGERY", "LOW", false, false, List.of());
        as("vest-national").body(badEnum).post("/api/v1/tasks").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
        as("vest-national").body("{not json").post("/api/v1/tasks").then().statusCode(400);
        as("vest-national").body(task(uniqueCode("BAD"), true, "CLINICAL", "LOW", false, false, List.of("bad code!")))
                .post("/api/v1/tasks").then().statusCode(400).body("violations.field", hasItem(containsString("requiredCompetences")));
        as("vest-employee").get("/api/v1/tasks?category=SURGERY").then().statusCode(400)
                .body("violations[0].field", equalTo("category"));
        as("vest-employee").get("/api/v1/tasks?size=500").then().statusCode(400);
    }

    @Test
    void brokenRulesAre422AndATakenCodeIs409() {
        as("vest-national").body(task(uniqueCode("HP"), true, "CLINICAL", "LOW", true, true, List.of()))
                .post("/api/v1/tasks").then().statusCode(422)
                .body("violations[0].field", equalTo("allowsUntrainedStaff"));
        String local = uniqueCode("LOCAL");
        as("vest-admin").body(task(local, false, "CLINICAL", "LOW", false, false, List.of())).post("/api/v1/tasks")
                .then().statusCode(201);
        Map<String, Object> variantOfLocal = task(uniqueCode("VAR"), false, "CLINICAL", "LOW", false, false, List.of());
        variantOfLocal.put("variantOf", local);
        as("vest-admin").body(variantOfLocal).post("/api/v1/tasks").then().statusCode(422)
                .body("violations[0].field", equalTo("variantOf"));
        // The code is taken.
        as("sorost-admin").body(task(local, false, "CLINICAL", "LOW", false, false, List.of())).post("/api/v1/tasks")
                .then().statusCode(409);
        as("vest-employee").get("/api/v1/tasks/NO-SUCH-TASK").then().statusCode(404);
    }

    @Test
    void accessNeedsATokenWithATornRoleAndAKnownRhf() {
        given().get("/api/v1/tasks").then().statusCode(401);
        as("vest-norole").get("/api/v1/tasks").then().statusCode(403);
        as("no-rhf").get("/api/v1/tasks").then().statusCode(403);
        as("unknown-rhf").get("/api/v1/tasks").then().statusCode(403);
        as("vest-employee").body(task(uniqueCode("EMP"), false, "CLINICAL", "LOW", false, false, List.of()))
                .post("/api/v1/tasks").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.hrIntegration("helse-vest")))
                .contentType(ContentType.JSON).get("/api/v1/tasks").then().statusCode(200);
        as("vest-hr").get("/api/v1/tasks/personnel-groups").then().statusCode(200)
                .body("size()", equalTo(15))
                .body("find { it.code == 'portor' }.authorisedHealthProfession", equalTo(false))
                .body("find { it.code == 'helsefagarbeider' }.authorisedHealthProfession", equalTo(true));
        // A non-admin may not ask for another RHF's list.
        as("vest-admin").get("/api/v1/tasks?rhf=helse-sor-ost").then().statusCode(403);
    }

    @Test
    void eventContractsAreServed() {
        given().get("/events/asyncapi.yaml").then().statusCode(200)
                .body(containsString("asyncapi: 3.0.0"))
                .body(containsString("no.torn.task.sharing-mapping-approved.v1"));
        given().get("/events/schemas/process-mapping-phase-changed.v1.json").then().statusCode(200)
                .body("title", equalTo("no.torn.task.process-mapping-phase-changed.v1"));
    }
}
