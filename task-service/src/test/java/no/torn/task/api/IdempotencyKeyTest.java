package no.torn.task.api;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.task.Fixtures.as;
import static no.torn.task.Fixtures.nationalTask;
import static no.torn.task.Fixtures.task;
import static no.torn.task.Fixtures.uniqueCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A create repeated with the same Idempotency-Key returns the first result instead of a second record. */
@QuarkusTest
class IdempotencyKeyTest {

    @Test
    void repeatedCreatesReturnTheFirstResult() {
        String key = UUID.randomUUID().toString();
        String code = uniqueCode("IDEM");
        Map<String, Object> body = task(code, false, "LOGISTICS", "LOW", false, true, List.of());
        String first = as("vest-admin").header("Idempotency-Key", key).body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id");
        String second = as("vest-admin").header("Idempotency-Key", key).body(body).post("/api/v1/tasks")
                .then().statusCode(201).extract().path("id");
        assertThat(second).isEqualTo(first);
        // Without the key, the repeat is a conflict on the code.
        as("vest-admin").body(body).post("/api/v1/tasks").then().statusCode(409);

        String meals = nationalTask("IDEM-MEALS", "SERVICE_MEALS", "LOW", false, true, List.of());
        Map<String, Object> mapping = Map.of("taskCode", meals, "fromGroup", "sykepleier", "toGroup", "matvert",
                "supervisionLevel", "NONE", "legalBasis", "Helsepersonelloven §5");
        String mappingId = as("vest-leader").header("Idempotency-Key", key).body(mapping)
                .post("/api/v1/sharing-mappings").then().statusCode(201).extract().path("id");
        as("vest-leader").header("Idempotency-Key", key).body(mapping).post("/api/v1/sharing-mappings")
                .then().statusCode(201).body("id", equalTo(mappingId));
        as("vest-leader").get("/api/v1/sharing-mappings?taskCode=" + meals).then().statusCode(200)
                .body("total", equalTo(1));

        String unit = "Idempotent " + key.substring(0, 6);
        Map<String, Object> process = Map.of("hf", "helse-bergen", "unit", unit, "name", "Måltider",
                "unionRepresentativeInvolved", false);
        String processId = as("vest-leader").header("Idempotency-Key", key).body(process)
                .post("/api/v1/process-mappings").then().statusCode(201).extract().path("id");
        as("vest-leader").header("Idempotency-Key", key).body(process).post("/api/v1/process-mappings")
                .then().statusCode(201).body("id", equalTo(processId));
        // Another caller's key is its own.
        as("vest-leader2").header("Idempotency-Key", key).body(process).post("/api/v1/process-mappings")
                .then().statusCode(201).body("id", org.hamcrest.Matchers.not(equalTo(processId)));
        as("vest-leader").get("/api/v1/process-mappings?unit=" + unit).then().statusCode(200)
                .body("total", equalTo(2));
        as("vest-leader").header("Idempotency-Key", "x".repeat(101)).body(process).post("/api/v1/process-mappings")
                .then().statusCode(400);
    }
}
