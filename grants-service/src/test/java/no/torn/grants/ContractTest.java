package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/** Malformed input answers 400 naming the parameter; the API and event contracts are served. */
@QuarkusTest
class ContractTest {

    @ParameterizedTest
    @CsvSource({
            "/api/v1/grants/rounds?status=SOMETIMES, status",
            "/api/v1/grants/rounds?year=twenty, year",
            "/api/v1/grants/allocations?roundId=nope, roundId",
            "/api/v1/grants/allocations?current=maybe, current",
            "/api/v1/grants/applications?status=WON, status",
            "/api/v1/grants/reports?kind=LONG, kind",
            "/api/v1/grants/awards?year=last, year",
            "/api/v1/experience/reports?status=SECRET, status",
            "/api/v1/experience/reports?page=-1, page"})
    void malformedQueryParametersAnswer400(String path, String field) {
        as("vest-admin").get(path).then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("violations.field", hasItem(field));
    }

    @Test
    void malformedBodiesAnswer400() {
        as("vest-admin").body("{not json").post("/api/v1/grants/applications").then().statusCode(400);
        as("vest-admin").body("{\"roundId\": \"x\"}").post("/api/v1/grants/allocations").then().statusCode(400);
        as("vest-admin").get("/api/v1/grants/applications/00000000-0000-0000-0000-00000000000f")
                .then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    void servesEventContractsAndOpenApi() {
        given().get("/events/asyncapi.yaml").then().statusCode(200)
                .body(containsString("torn.{rhf}.grants.v1"))
                .body(containsString("no.torn.grants.experience-report-published.v1"))
                .body(containsString("no.torn.grants.award-published.v1"))
                .body(containsString("no.torn.grants.award-withdrawn.v1"));
        for (String name : new String[]{"round-opened", "allocation-computed", "application-submitted",
                "application-decided", "report-approved", "experience-report-published", "award-published",
                "award-withdrawn"}) {
            given().get("/events/schemas/" + name + ".v1.json").then().statusCode(200)
                    .body("title", equalTo("no.torn.grants." + name + ".v1"));
        }
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/grants/rounds"))
                .body("paths", hasKey("/api/v1/grants/allocations/what-if"))
                .body("paths", hasKey("/api/v1/open-data/awards"))
                .body("paths", hasKey("/api/v1/open-data/awards.csv"))
                .body("paths", hasKey("/api/v1/open-data/awards.360giving.json"))
                .body("paths", hasKey("/api/v1/grants/rounds/{id}/pots/{rhf}/status"))
                .body("paths", hasKey("/api/v1/experience/reports"))
                .body("paths", hasKey("/api/v1/grants/audit"));
    }
}
