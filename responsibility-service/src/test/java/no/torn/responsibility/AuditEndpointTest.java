package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.clarificationBody;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

/** The platform audit trail as this service serves it: who by name and role, before/after, scoped to the RHF. */
@QuarkusTest
class AuditEndpointTest {

    String id;

    @BeforeEach
    void submittedClarification() {
        Fixture.Basis basis = Fixture.basis(List.of(Fixture.code("AUDIT")), List.of());
        id = Api.as("vest-leader").body(clarificationBody(basis, "audit-endpoint"))
                .post(API + "/clarifications").then().statusCode(201).extract().path("id");
        Api.as("vest-leader").body(Map.of("version", 0, "reason", "Klar for godkjenning"))
                .post(API + "/clarifications/" + id + "/submit").then().statusCode(200);
    }

    @Test
    void aCommandIsAuditedWithTheActorsDisplayNameRoleAndStateBeforeAndAfter() {
        Api.as("vest-auditor").get(API + "/audit?entityId=" + id).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[1].action", equalTo("SUBMITTED"))
                .body("items[1].entityType", equalTo("CLARIFICATION"))
                .body("items[1].entityId", equalTo(id))
                .body("items[1].rhf", equalTo("helse-vest"))
                .body("items[1].hf", equalTo("helse-bergen"))
                .body("items[1].actor.id", not(emptyOrNullString()))
                .body("items[1].actor.name", equalTo("Leder Vest"))
                .body("items[1].actor.role", equalTo("unit-leader"))
                .body("items[1].before.status", equalTo("DRAFT"))
                .body("items[1].after.status", equalTo("SUBMITTED"))
                .body("items[1].after.unit", equalTo("audit-endpoint"))
                .body("items[1].reason", equalTo("Klar for godkjenning"))
                .body("items[1].at", not(emptyOrNullString()));
    }

    @Test
    void theTrailFiltersByActor() {
        String actorId = Api.as("vest-auditor").get(API + "/audit?entityId=" + id).then().statusCode(200)
                .extract().path("items[0].actor.id");
        Api.as("vest-auditor").get(API + "/audit?entityType=CLARIFICATION&entityId=" + id + "&actorId=" + actorId)
                .then().statusCode(200).body("total", equalTo(2));
        Api.as("vest-auditor").get(API + "/audit?entityId=" + id + "&actorId=someone-else")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anotherRhfDoesNotSeeTheLinesAndCannotNameThisRhf() {
        Api.as("sorost-auditor").get(API + "/audit?entityId=" + id).then().statusCode(200)
                .body("total", equalTo(0));
        Api.as("sorost-auditor").get(API + "/audit?rhf=helse-vest").then().statusCode(403);
        Api.as("sorost-admin").get(API + "/audit?rhf=helse-vest&entityId=" + id).then().statusCode(403);
        Api.as("sorost-national").get(API + "/audit?rhf=helse-vest&entityId=" + id).then().statusCode(200)
                .body("total", equalTo(2));
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrail() {
        Api.as("vest-admin").get(API + "/audit?entityId=" + id).then().statusCode(200).body("total", equalTo(2));
        Api.as("vest-leader").get(API + "/audit?entityId=" + id).then().statusCode(403);
        Api.as("vest-hr").get(API + "/audit?entityId=" + id).then().statusCode(403);
        Api.as("vest-employee").get(API + "/audit?entityId=" + id).then().statusCode(403);
        Api.anonymous().get(API + "/audit?entityId=" + id).then().statusCode(401);
    }
}
