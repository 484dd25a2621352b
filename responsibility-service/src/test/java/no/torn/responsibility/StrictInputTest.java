package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.clarificationBody;
import static no.torn.responsibility.Fixture.delegationBody;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

/** Request bodies, paths and queries are read strictly: anything unexpected is a 400 problem naming it. */
@QuarkusTest
class StrictInputTest {

    Fixture.Basis basis;

    @BeforeEach
    void basis() {
        basis = Fixture.basis(List.of(Fixture.code("STRICT")), List.of());
    }

    @Test
    void anUnknownPropertyIs400NamingIt() {
        Map<String, Object> body = clarificationBody(basis, "strict");
        body.put("reviewdate", "2030-01-01");
        Api.as("vest-leader").body(body).post(API + "/clarifications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reviewdate"))
                .body("detail", containsString("reviewdate"));
        Api.as("vest-leader").body(Map.of("version", 0, "reason", "x", "force", true))
                .post(API + "/clarifications/" + UUID.randomUUID() + "/submit").then().statusCode(400)
                .body("violations.field", hasItem("force"));
    }

    @Test
    void aNumberForADateIs400NamingTheField() {
        Map<String, Object> body = clarificationBody(basis, "strict");
        body.put("activeFrom", 12345);
        Api.as("vest-leader").body(body).post(API + "/clarifications").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("activeFrom"));
        Map<String, Object> delegation = delegationBody(UUID.randomUUID().toString(), Fixture.V1001);
        delegation.put("validFrom", 20000);
        Api.as("vest-leader").body(delegation).post(API + "/delegations").then().statusCode(400)
                .body("violations.field", hasItem("validFrom"));
    }

    @Test
    void aControlCharacterInAPathOrQueryIs400NotA500() {
        Api.as("vest-leader").urlEncodingEnabled(false).get(API + "/clarifications/%00").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("vest-leader").urlEncodingEnabled(false).get(API + "/delegations/%00").then().statusCode(400)
                .contentType("application/problem+json");
        Api.as("vest-leader").urlEncodingEnabled(false).get(API + "/who-is-responsible?taskCode=A%00B")
                .then().statusCode(400).body("violations.field", hasItem("taskCode"));
        Api.as("vest-auditor").urlEncodingEnabled(false).get(API + "/audit?entityType=%00").then().statusCode(400)
                .body("violations.field", hasItem("entityType"));
    }
}
