package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Request bodies are read strictly and control characters never reach the database. */
@QuarkusTest
class StrictInputTest {

    @Test
    void anUnknownPropertyIs400NamingIt() {
        Map<String, Object> body = task(uniqueCode("STRICT"), false, "LOGISTICS", "LOW", false, true, List.of());
        body.put("colour", "blue");
        Api.as("vest-admin").body(body).post("/api/v1/tasks").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("colour"))
                .body("detail", containsString("colour"));
        String code = nationalTask("STRICT", "LOGISTICS", "LOW", false, true, List.of());
        Api.as("vest-national").body(Map.of("version", 0, "force", true)).post("/api/v1/tasks/" + code + "/retire")
                .then().statusCode(400).body("violations[0].field", equalTo("force"));
        Api.as("vest-national").get("/api/v1/tasks/" + code).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aControlCharacterInThePathIs400Problem() {
        Api.as("vest-employee").urlEncodingEnabled(false).get("/api/v1/tasks/%00").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("path"));
        Api.as("vest-employee").urlEncodingEnabled(false).get("/api/v1/tasks?q=%00").then().statusCode(400)
                .body("violations[0].field", equalTo("q"));
    }
}
