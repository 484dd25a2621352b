package no.torn.grants;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.torn.grants.Fixtures.json;
import static no.torn.platform.application.Idempotency.HEADER;
import static no.torn.platform.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Experience reports are written for the caller's own HF, validated, and written once per Idempotency-Key. */
@QuarkusTest
class ExperienceWritesTest {

    private static Map<String, Object> report(String hf, String title, String from, String to, List<String> tasks,
                                              int year) {
        return json("hf", hf, "title", title, "fromGroup", from, "toGroup", to, "taskCodes", tasks,
                "summary", "s", "year", year);
    }

    @Test
    void writesAreForTheCallersOwnHfAndValidated() {
        as("vest-hr").body(report("helse-stavanger", "t", "lege", "sykepleier", List.of(), 2025))
                .post("/api/v1/experience/reports").then().statusCode(403);
        as("vest-admin").body(report("ous", "t", "lege", "sykepleier", List.of(), 2025))
                .post("/api/v1/experience/reports").then().statusCode(403);
        as("vest-admin").body(report("nowhere", "t", "lege", "sykepleier", List.of(), 2025))
                .post("/api/v1/experience/reports").then().statusCode(400);
        as("vest-admin").body(report("helse-bergen", "t", "lege", "lege", List.of(), 2025))
                .post("/api/v1/experience/reports").then().statusCode(400);
        as("vest-employee").body(report("helse-bergen", "t", "lege", "sykepleier", List.of(), 2025))
                .post("/api/v1/experience/reports").then().statusCode(403);
        as("vest-admin").body(report("helse-bergen", "", "lege", "surgeon", List.of("bad code!"), 1800))
                .post("/api/v1/experience/reports").then().statusCode(400)
                .body("violations.field", hasItem("toGroup"));
        Map<String, Object> linked = report("helse-bergen", "t", "lege", "sykepleier", List.of(), 2025);
        linked.put("applicationId", "00000000-0000-0000-0000-000000000001");
        as("vest-admin").body(linked).post("/api/v1/experience/reports").then().statusCode(422);
        as("vest-admin").get("/api/v1/experience/reports/00000000-0000-0000-0000-000000000001")
                .then().statusCode(404);
    }

    @Test
    void anotherHfsDraftIsNotTheCallersToChange() {
        String id = as("vest-admin").body(report("helse-stavanger", "t", "lege", "sykepleier", List.of(), 2025))
                .post("/api/v1/experience/reports").then().statusCode(201).extract().path("id");
        Map<String, Object> takeover = report("helse-bergen", "t", "lege", "sykepleier", List.of(), 2025);
        takeover.put("version", 0);
        as("vest-hr").body(takeover).put("/api/v1/experience/reports/" + id).then().statusCode(403);
        as("vest-hr").body(json("version", 0)).post("/api/v1/experience/reports/" + id + "/publish")
                .then().statusCode(403);
    }

    @Test
    void aRetriedDraftIsWrittenOnce() {
        String key = Fixtures.unique("exp");
        Map<String, Object> body = report("helse-bergen", "t", "lege", "sykepleier", List.of(), 2025);
        String first = as("vest-admin").header(HEADER, key).body(body)
                .post("/api/v1/experience/reports").then().statusCode(201).extract().path("id");
        as("vest-admin").header(HEADER, key).body(body)
                .post("/api/v1/experience/reports").then().statusCode(201).body("id", equalTo(first));
        body.put("title", "another");
        as("vest-admin").header(HEADER, key).body(body).post("/api/v1/experience/reports").then().statusCode(422);
    }
}
