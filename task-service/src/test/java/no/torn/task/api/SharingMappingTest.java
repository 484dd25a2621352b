package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.createMapping;
import static no.torn.task.Fixtures.nationalTask;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class SharingMappingTest {

    @Test
    void mappingRulesAreEnforcedWith422NamingEveryUnmetRule() {
        String healthTask = nationalTask("INJ", "MEDICATION", "HIGH", true, false, List.of("AUT-SYKEPLEIER"));
        createMapping("vest-admin", healthTask, "sykepleier", "portor", "DIRECT", List.of()).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://torn.no/rules/R-SHARE-02"))
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03")))
                .body("rules[0].field", equalTo("toGroup"))
                .body("rules[0].detail", containsString("not an authorised health profession"));
        createMapping("vest-admin", healthTask, "lege", "sykepleier", "NONE", List.of()).statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-SHARE-05"))
                .body("rules.rule", equalTo(List.of("R-SHARE-05")))
                .body("rules[0].field", equalTo("supervisionLevel"));
        createMapping("vest-admin", healthTask, "sykepleier", "sykepleier", "DIRECT", List.of()).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-SHARE-06")))
                .body("rules.field", hasItem("toGroup"));
        // A porter with no supervision of a HIGH-risk health task: three rules, all named.
        createMapping("vest-admin", healthTask, "sykepleier", "portor", "NONE", List.of()).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-SHARE-02", "R-SHARE-03", "R-SHARE-05")));

        String clinicalNoUntrained = nationalTask("OBS", "CLINICAL", "LOW", false, false, List.of());
        createMapping("vest-admin", clinicalNoUntrained, "helsefagarbeider", "matvert", "NONE", List.of())
                .statusCode(422).body("type", equalTo("https://torn.no/rules/R-SHARE-03"))
                .body("rules[0].field", equalTo("toGroup"));

        String meals = nationalTask("MEALS", "SERVICE_MEALS", "LOW", false, true, List.of("HYGIENEKURS"));
        createMapping("vest-admin", meals, "sykepleier", "matvert", "NONE", List.of()).statusCode(201);
        // No second active mapping of the same task and groups in the RHF ...
        createMapping("vest-leader", meals, "sykepleier", "matvert", "AVAILABLE", List.of()).statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-SHARE-07"))
                .body("detail", containsString("already exists"));
        // ... but another RHF has its own.
        createMapping("sorost-admin", meals, "sykepleier", "matvert", "NONE", List.of()).statusCode(201);

        createMapping("vest-admin", meals, "sykepleier", "kokk", "NONE", List.of()).statusCode(400)
                .body("violations[0].field", equalTo("toGroup"));
        createMapping("vest-admin", "NO-SUCH-TASK", "sykepleier", "matvert", "NONE", List.of()).statusCode(422)
                .body("violations[0].field", equalTo("taskCode"));
        as("vest-admin").body(Map.of("taskCode", meals, "fromGroup", "sykepleier", "toGroup", "matvert",
                "supervisionLevel", "SOMETIMES", "legalBasis", "x")).post("/api/v1/sharing-mappings")
                .then().statusCode(400).body("violations[0].field", equalTo("supervisionLevel"));
    }

    @Test
    void aRetiredTaskIsSharedWithNobody() {
        String task = nationalTask("GONE", "LOGISTICS", "LOW", false, true, List.of());
        as("vest-national").body(Map.of("version", 0)).post("/api/v1/tasks/" + task + "/retire")
                .then().statusCode(200);
        createMapping("vest-admin", task, "sykepleier", "portor", "NONE", List.of()).statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-SHARE-01"))
                .body("rules.rule", equalTo(List.of("R-SHARE-01")))
                .body("rules[0].field", equalTo("taskCode"));
    }

    @Test
    void draftCanBeChangedAndForeignRhfSeesNothing() {
        String task = nationalTask("CLEAN", "CLEANING", "LOW", false, true, List.of());
        String id = createMapping("vest-leader", task, "helsefagarbeider", "renholder", "NONE", List.of())
                .statusCode(201).extract().path("id");
        as("vest-leader").body(Map.of("version", 0, "taskCode", task, "fromGroup", "sykepleier",
                        "toGroup", "renholder", "supervisionLevel", "AVAILABLE", "legalBasis", "Hpl §5",
                        "extraRequiredCompetences", List.of("SMITTEVERN")))
                .put("/api/v1/sharing-mappings/" + id).then().statusCode(200)
                .body("fromGroup", equalTo("sykepleier")).body("version", equalTo(1))
                .body("extraRequiredCompetences", equalTo(List.of("SMITTEVERN")));

        as("sorost-admin").get("/api/v1/sharing-mappings/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(404);
        as("sorost-admin").get("/api/v1/sharing-mappings?taskCode=" + task).then().statusCode(200)
                .body("total", equalTo(0));
        as("vest-national").get("/api/v1/sharing-mappings/" + id).then().statusCode(200);
        as("vest-employee").get("/api/v1/sharing-mappings/" + id).then().statusCode(200);
        as("vest-employee").body(Map.of("version", 1)).post("/api/v1/sharing-mappings/" + id + "/propose")
                .then().statusCode(403);
        as("vest-norole").get("/api/v1/sharing-mappings").then().statusCode(403);
        given().get("/api/v1/sharing-mappings").then().statusCode(401);
        as("vest-admin").get("/api/v1/sharing-mappings/not-a-uuid").then().statusCode(400);
        as("vest-admin").get("/api/v1/sharing-mappings?status=MAYBE").then().statusCode(400);
    }
}
