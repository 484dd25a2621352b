package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ProcessMappingTest {

    private static final String UNIT = "Medisinsk sengepost 3";

    private static RequestSpecification as(String user) {
        return no.torn.task.Fixtures.as(user).config(RestAssuredConfig.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    @Test
    void aProcessMappingIsStartedInAnHfOfYourOwn() {
        as("vest-leader").body(Map.of("hf", "helse-stavanger", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(403);
        as("vest-admin").body(Map.of("hf", "ous", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(403);
        as("vest-admin").body(Map.of("hf", "nowhere", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(400);
        as("vest-hr").body(Map.of("hf", "helse-bergen", "unit", UNIT, "name", "x",
                "unionRepresentativeInvolved", false)).post("/api/v1/process-mappings").then().statusCode(403);
        as("vest-admin").body(Map.of("hf", "helse-bergen", "unit", UNIT)).post("/api/v1/process-mappings")
                .then().statusCode(400);
    }

    @Test
    void aUnitLeaderOfAnotherHfReadsButDoesNotChange() {
        String id = as("vest-admin").body(Map.of("hf", "helse-stavanger", "unit", "Akuttmottak",
                        "name", "Triage av pasientgruppe", "unionRepresentativeInvolved", false))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        // A unit leader of another HF of the same RHF reads but does not change it.
        as("vest-leader").get("/api/v1/process-mappings/" + id).then().statusCode(200);
        as("vest-leader").body(Map.of("version", 0, "name", "y", "unionRepresentativeInvolved", true))
                .put("/api/v1/process-mappings/" + id).then().statusCode(403);
        as("vest-admin").body(Map.of("version", 0, "name", "Triage", "unionRepresentativeInvolved", true,
                        "participants", List.of("Akuttsykepleiere", "LIS")))
                .put("/api/v1/process-mappings/" + id).then().statusCode(200)
                .body("participants", equalTo(List.of("Akuttsykepleiere", "LIS")))
                .body("unionRepresentativeInvolved", equalTo(true)).body("updatedBy", notNullValue());
        as("vest-admin").body(Map.of("version", 0, "name", "Triage", "unionRepresentativeInvolved", true))
                .put("/api/v1/process-mappings/" + id).then().statusCode(409);
    }

    @Test
    void anotherRhfSeesNothingAndBadRequestsAreRefused() {
        String id = as("vest-admin").body(Map.of("hf", "helse-stavanger", "unit", "Akuttmottak",
                        "name", "Triage av pasientgruppe", "unionRepresentativeInvolved", false))
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        as("sorost-admin").get("/api/v1/process-mappings/" + id).then().statusCode(404);
        as("sorost-admin").body(Map.of("version", 0, "phase", "ANALYSIS")).post(path(id, "/phase"))
                .then().statusCode(404);
        as("sorost-admin").get("/api/v1/process-mappings?size=200").then().statusCode(200)
                .body("items.findAll { it.id == '" + id + "' }", hasSize(0));
        as("vest-auditor").get("/api/v1/process-mappings?hf=helse-stavanger&unit=Akuttmottak&size=200").then()
                .statusCode(200).body("items.findAll { it.id == '" + id + "' }", hasSize(1));
        as("sorost-national").get("/api/v1/process-mappings/" + id).then().statusCode(200);
        as("vest-norole").get("/api/v1/process-mappings/" + id).then().statusCode(403);
        given().get("/api/v1/process-mappings/" + id).then().statusCode(401);
        as("vest-admin").get("/api/v1/process-mappings?phase=DONE").then().statusCode(400);
        as("vest-admin").get("/api/v1/process-mappings/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    private static String path(String id, String suffix) {
        return "/api/v1/process-mappings/" + id + suffix;
    }
}
