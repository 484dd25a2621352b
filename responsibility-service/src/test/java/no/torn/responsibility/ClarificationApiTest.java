package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TopicReader;
import no.torn.platform.testing.TestClock;
import no.torn.responsibility.application.LapseJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.clarificationBody;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static no.torn.responsibility.Fixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ClarificationApiTest {

    @Inject
    LapseJob lapseJob;

    Fixture.Basis basis;

    @BeforeEach
    void basis() {
        basis = Fixture.basis(List.of("HLR-BASIS"), List.of("BLODPROVE-VENOS"));
    }

    @Test
    void draftTakesTaskAndGroupsFromTheMapping() {
        var created = post("vest-leader", "/clarifications", clarificationBody(basis, "sengepost-1")).statusCode(201)
                .header("Location", containsString("/api/v1/responsibility/clarifications/"))
                .body("rhf", equalTo("helse-vest"))
                .body("status", equalTo("DRAFT"))
                .body("taskCode", equalTo(basis.taskCode()))
                .body("delegatingGroup", equalTo("sykepleier"))
                .body("performingGroup", equalTo("helsefagarbeider"))
                .body("approvedBy", nullValue())
                .body("version", equalTo(0))
                .body("parties.raci", hasItems("ACCOUNTABLE", "RESPONSIBLE", "CONSULTED", "INFORMED"))
                .extract();
        get("vest-auditor", "/clarifications/" + created.path("id")).statusCode(200)
                .body("unit", equalTo("sengepost-1"));
    }

    @Test
    void serverOwnedFieldsInTheBodyAreRefusedByName() {
        for (String field : List.of("id", "rhf", "status", "approvedBy")) {
            Map<String, Object> body = clarificationBody(basis, "sengepost-1");
            body.put(field, "x");
            post("vest-leader", "/clarifications", body).statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations.field", hasItem(field));
        }
    }

    @Test
    void invalidInputIsA400NamingTheField() {
        Map<String, Object> body = clarificationBody(basis, "sengepost-1");
        body.remove("legalBasis");
        body.put("reviewDate", "not-a-date");
        post("vest-leader", "/clarifications", body).statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("reviewDate"));

        body = clarificationBody(basis, "sengepost-1");
        body.remove("legalBasis");
        post("vest-leader", "/clarifications", body).statusCode(400)
                .body("violations.field", hasItem("legalBasis"));

        body = clarificationBody(basis, "sengepost-1");
        body.put("parties", List.of(Map.of("raci", "BOSS", "party", "x")));
        post("vest-leader", "/clarifications", body).statusCode(400)
                .body("violations[0].field", containsString("raci"));

        body = clarificationBody(basis, "sengepost-1");
        body.put("reviewDate", LocalDate.now().minusYears(1).toString());
        post("vest-leader", "/clarifications", body).statusCode(400)
                .body("violations.field", hasItem("reviewDate"));

        body = clarificationBody(basis, "sengepost-1");
        body.remove("mappingId");
        post("vest-leader", "/clarifications", body).statusCode(400)
                .body("violations.field", hasItem("taskCode"));

        given().header("Authorization", token("vest-leader")).contentType(ContentType.JSON).body("{\"hf\": ")
                .when().post(API + "/clarifications").then().statusCode(400)
                .contentType("application/problem+json");

        get("vest-leader", "/clarifications/not-a-uuid").statusCode(400);
        get("vest-leader", "/clarifications?size=500").statusCode(400).body("violations.field", hasItem("size"));
        get("vest-leader", "/clarifications?status=SOMETIMES").statusCode(400)
                .body("violations.field", hasItem("status"));
        get("vest-leader", "/clarifications?mappingId=42").statusCode(400)
                .body("violations.field", hasItem("mappingId"));
        get("vest-auditor", "/audit?from=yesterday").statusCode(400).body("violations.field", hasItem("from"));
        get("vest-leader", "/delegations?status=LATER").statusCode(400);
    }

    @Test
    void raciRuleNeedsExactlyOneAccountableAndAtLeastOneResponsible() {
        Map<String, Object> body = clarificationBody(basis, "sengepost-1");
        body.put("parties", List.of(
                Map.of("raci", "ACCOUNTABLE", "party", "Avdelingsoverlege"),
                Map.of("raci", "ACCOUNTABLE", "party", "Seksjonsoverlege"),
                Map.of("raci", "CONSULTED", "party", "Sykepleier")));
        post("vest-leader", "/clarifications", body).statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-RESP-03"))
                .body("rules.rule", equalTo(List.of("R-RESP-03", "R-RESP-04")))
                .body("rules.field", everyItem(equalTo("parties")));
    }

    @Test
    void mappingMustBeKnownApprovedAndConsistent() {
        Map<String, Object> body = clarificationBody(basis, "sengepost-1");
        body.put("mappingId", UUID.randomUUID().toString());
        post("vest-leader", "/clarifications", body).statusCode(422).body("violations.field", hasItem("mappingId"));

        body = clarificationBody(basis, "sengepost-1");
        body.put("taskCode", "some-other-task");
        body.put("performingGroup", "portor");
        post("vest-leader", "/clarifications", body).statusCode(422)
                .body("violations.field", hasItems("taskCode", "performingGroup"));

        body = clarificationBody(basis, "sengepost-1");
        body.put("performingGroup", "astronaut");
        post("vest-leader", "/clarifications", body).statusCode(400)
                .body("violations.field", hasItem("performingGroup"));

        // A mapping of another RHF does not exist for helse-vest.
        UUID foreign = UUID.randomUUID();
        Fixture.send(Fixture.TASK_TOPIC, foreign.toString(), Fixture.mappingEvent("sharing-mapping-approved", foreign,
                "helse-sor-ost", basis.taskCode(), List.of(), List.of(), "APPROVED", 1));
        Fixture.awaitRow("select count(*) from sharing_mapping_view where mapping_id = ?1", foreign);
        body = clarificationBody(basis, "sengepost-1");
        body.put("mappingId", foreign.toString());
        post("vest-leader", "/clarifications", body).statusCode(422).body("violations.field", hasItem("mappingId"));
    }

    @Test
    void aClarificationCanNameATaskWithoutMapping() {
        Map<String, Object> body = clarificationBody(basis, "sengepost-2");
        body.remove("mappingId");
        body.put("taskCode", basis.taskCode());
        post("vest-leader", "/clarifications", body).statusCode(422)
                .body("violations.field", hasItems("delegatingGroup", "performingGroup"));
        body.put("delegatingGroup", "lege");
        body.put("performingGroup", "sykepleier");
        post("vest-leader", "/clarifications", body).statusCode(201)
                .body("mappingId", nullValue())
                .body("performingGroup", equalTo("sykepleier"));
    }

    @Test
    void tenancyAndRoles() {
        String id = post("vest-leader", "/clarifications", clarificationBody(basis, "sengepost-1")).statusCode(201)
                .extract().path("id");
        // Foreign RHF: not found, on reads and writes alike.
        get("sorost-admin", "/clarifications/" + id).statusCode(404);
        get("sorost-auditor", "/clarifications/" + id).statusCode(404);
        post("sorost-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(404);
        given().header("Authorization", token("sorost-admin")).when().get(API + "/clarifications?hf=helse-bergen")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        get("sorost-admin", "/clarifications?rhf=helse-vest").statusCode(403);
        // The national admin reads everything.
        get("sorost-national", "/clarifications/" + id).statusCode(200);
        // Writes naming a foreign or unknown HF.
        Map<String, Object> foreignHf = clarificationBody(basis, "sengepost-1");
        foreignHf.put("hf", "ous");
        post("vest-admin", "/clarifications", foreignHf).statusCode(403);
        foreignHf.put("hf", "nowhere");
        post("vest-admin", "/clarifications", foreignHf).statusCode(400).body("violations.field", hasItem("hf"));
        // Wrong roles, no token.
        post("vest-hr", "/clarifications", clarificationBody(basis, "sengepost-1")).statusCode(403);
        post("vest-employee", "/clarifications", clarificationBody(basis, "sengepost-1")).statusCode(403);
        get("vest-norole", "/clarifications/" + id).statusCode(403);
        get("vest-norole", "/clarifications").statusCode(403);
        given().when().get(API + "/clarifications/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body(clarificationBody(basis, "x")).when()
                .post(API + "/clarifications").then().statusCode(401);
        get("no-rhf", "/clarifications").statusCode(403);
    }

    @Test
    void approvalNeedsASubmittedClarification() {
        String id = draft("sengepost-3");
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 0)).statusCode(409);
        post("vest-leader", "/clarifications/" + id + "/return", Map.of("version", 0, "reason", "x")).statusCode(409)
                .body("detail", containsString("cannot move from DRAFT to DRAFT"));
    }

    @Test
    void aStaleVersionIsRefused() {
        String id = draft("sengepost-3");
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submittedBy", notNullValue());
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(409)
                .body("type", containsString("stale-version"));
    }

    @Test
    void aSubmittedClarificationCannotBeEdited() {
        String id = submitted("sengepost-3");
        Map<String, Object> edit = clarificationBody(basis, "sengepost-3");
        edit.put("version", 1);
        given().header("Authorization", token("vest-leader")).contentType(ContentType.JSON).body(edit)
                .when().put(API + "/clarifications/" + id).then().statusCode(409);
    }

    @Test
    void theSubmitterCannotApproveTheirOwnAndNeitherCanHr() {
        String id = submitted("sengepost-3");
        post("vest-leader", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-RESP-01"))
                .body("rules.rule", equalTo(List.of("R-RESP-01")))
                .body("rules[0].field", equalTo("approvedBy"))
                .body("detail", containsString("Four-eyes"));
        post("vest-hr", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(403);
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("approvedBy", notNullValue())
                .body("version", equalTo(2));
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 2)).statusCode(409);
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 2)).statusCode(409);
    }

    @Test
    void suspensionNeedsAReasonAndOnlyANewFourEyesApprovalBringsItBack() {
        String id = Fixture.activeClarification(basis, "sengepost-3");
        post("vest-leader", "/clarifications/" + id + "/suspend", Map.of("version", 2)).statusCode(400)
                .body("violations.field", hasItem("reason"));
        post("vest-leader", "/clarifications/" + id + "/suspend", Map.of("version", 2, "reason", "Bemanning"))
                .statusCode(200).body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("Bemanning"));
        post("vest-leader2", "/clarifications/" + id + "/submit", Map.of("version", 3)).statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 4)).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-RESP-01")));
        post("vest-admin", "/clarifications/" + id + "/approve", Map.of("version", 4)).statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aRevokedClarificationIsFinal() {
        String id = Fixture.activeClarification(basis, "sengepost-3");
        post("vest-admin", "/clarifications/" + id + "/revoke", Map.of("version", 2, "reason", "Oppgaven flyttes"))
                .statusCode(200).body("status", equalTo("REVOKED"));
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 3)).statusCode(409)
                .body("detail", containsString("cannot move from REVOKED to SUBMITTED"));
        post("vest-leader", "/clarifications/" + id + "/revoke", Map.of("version", 3, "reason", "igjen"))
                .statusCode(409);
    }

    @Test
    void everyTransitionIsPublishedOnceMatchingItsSchema() {
        String id = throughTheWholeLifecycle();
        List<TopicReader.Event> events = Fixture.published(e -> id.equals(e.subject()), 6);
        assertThat(events).extracting(TopicReader.Event::type).containsExactly(
                "no.torn.responsibility.clarification-submitted.v1",
                "no.torn.responsibility.clarification-approved.v1",
                "no.torn.responsibility.clarification-suspended.v1",
                "no.torn.responsibility.clarification-submitted.v1",
                "no.torn.responsibility.clarification-approved.v1",
                "no.torn.responsibility.clarification-revoked.v1");
        for (TopicReader.Event event : events) {
            assertThat(event.key()).isEqualTo(id);
            assertThat(event.cloudEvent().path("rhf").asText()).isEqualTo("helse-vest");
            String name = event.type().substring("no.torn.responsibility.".length(), event.type().length() - 3);
            EventSchemas.assertValid(Fixture.schema(name), event.cloudEvent());
        }
        assertThat(events.get(5).data().path("reason").asText()).isEqualTo("Oppgaven flyttes");
    }

    @Test
    void everyChangeIsAuditedWithWhoBeforeAfterAndWhy() {
        String id = throughTheWholeLifecycle();
        get("vest-auditor", "/audit?entityId=" + id).statusCode(200)
                .body("total", equalTo(7))
                .body("items.action", equalTo(List.of("CREATED", "SUBMITTED", "APPROVED", "SUSPENDED", "SUBMITTED",
                        "APPROVED", "REVOKED")))
                .body("items.entityType", everyItem(equalTo("CLARIFICATION")))
                .body("items[0].before", nullValue())
                .body("items[0].after.status", equalTo("DRAFT"))
                .body("items[2].actor.name", equalTo("Leder2 Vest"))
                .body("items[2].actor.role", equalTo("unit-leader"))
                .body("items[3].reason", equalTo("Bemanning"))
                .body("items[3].before.status", equalTo("ACTIVE"))
                .body("items[3].after.status", equalTo("SUSPENDED"))
                .body("items[6].actor.name", equalTo("Admin Vest"))
                .body("items[6].actor.role", equalTo("rhf-admin"));
        get("vest-employee", "/audit?entityId=" + id).statusCode(403);
        get("vest-leader", "/audit?entityId=" + id).statusCode(403);
        get("sorost-auditor", "/audit?entityId=" + id).statusCode(200).body("total", equalTo(0));
    }

    @Test
    void draftCanBeEditedWithOptimisticConcurrencyAndReturnedFromSubmission() {
        String id = post("vest-leader", "/clarifications", clarificationBody(basis, "sengepost-4")).statusCode(201)
                .extract().path("id");
        Map<String, Object> edit = clarificationBody(basis, "sengepost-4");
        edit.put("conditions", "Også kveld");
        edit.put("version", 0);
        given().header("Authorization", token("vest-leader")).contentType(ContentType.JSON).body(edit)
                .when().put(API + "/clarifications/" + id).then().statusCode(200)
                .body("conditions", equalTo("Også kveld")).body("version", equalTo(1));
        given().header("Authorization", token("vest-leader")).contentType(ContentType.JSON).body(edit)
                .when().put(API + "/clarifications/" + id).then().statusCode(409);
        edit.remove("version");
        given().header("Authorization", token("vest-leader")).contentType(ContentType.JSON).body(edit)
                .when().put(API + "/clarifications/" + id).then().statusCode(400);
        edit.put("version", 1);
        given().header("Authorization", token("sorost-leader")).contentType(ContentType.JSON).body(edit)
                .when().put(API + "/clarifications/" + id).then().statusCode(404);
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 1)).statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/return", Map.of("version", 2)).statusCode(400);
        post("vest-leader2", "/clarifications/" + id + "/return", Map.of("version", 2, "reason", "Mangler ROS"))
                .statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void listIsPagedAndFiltered() {
        for (int i = 0; i < 3; i++) {
            post("vest-leader", "/clarifications", clarificationBody(basis, "paged")).statusCode(201);
        }
        get("vest-leader", "/clarifications?taskCode=" + basis.taskCode() + "&size=2&page=0").statusCode(200)
                .body("items", hasSize(2)).body("total", equalTo(3)).body("size", equalTo(2));
        get("vest-leader", "/clarifications?taskCode=" + basis.taskCode() + "&size=2&page=1").statusCode(200)
                .body("items", hasSize(1));
        get("vest-leader", "/clarifications?taskCode=" + basis.taskCode() + "&status=ACTIVE").statusCode(200)
                .body("total", equalTo(0));
        get("vest-national", "/clarifications?rhf=helse-vest&taskCode=" + basis.taskCode()).statusCode(200)
                .body("total", equalTo(3));
        get("sorost-national", "/clarifications?taskCode=" + basis.taskCode()).statusCode(200)
                .body("total", equalTo(3));
    }

    @Test
    void reviewDatePassedLapsesTheClarificationAndSuspendsItsDelegations() {
        Fixture.employeeV1001();
        String c1 = Fixture.code("lapse");
        Fixture.Basis own = Fixture.basis(List.of(c1), List.of());
        Fixture.grant(Fixture.V1001, c1, List.of());
        Map<String, Object> body = clarificationBody(own, Fixture.UNIT);
        body.put("reviewDate", LocalDate.now().plusDays(1).toString());
        String id = post("vest-leader", "/clarifications", body).statusCode(201).extract().path("id");
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200);
        String delegation = Fixture.activeDelegation(id);

        lapseJob.run();
        get("vest-leader", "/clarifications/" + id).statusCode(200).body("status", equalTo("ACTIVE"));

        TestClock.shift(Duration.ofDays(3));
        try {
            assertThat(lapseJob.run().lapsed()).isGreaterThanOrEqualTo(1);
            // Re-approval needs a new review date first.
            post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 3)).statusCode(422)
                    .body("rules.rule", equalTo(List.of("R-RESP-02")))
                    .body("rules.field", hasItem("reviewDate"));
        } finally {
            TestClock.reset();
        }
        get("vest-leader", "/clarifications/" + id).statusCode(200).body("status", equalTo("LAPSED"));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusReason", containsString("lapsed"));
        var lapsed = Fixture.published(e -> id.equals(e.subject())
                && e.type().equals("no.torn.responsibility.clarification-lapsed.v1"), 1);
        assertThat(lapsed).hasSize(1);
        EventSchemas.assertValid(Fixture.schema("clarification-lapsed"), lapsed.get(0).cloudEvent());
        get("vest-auditor", "/audit?entityId=" + id).statusCode(200)
                .body("items.find { it.action == 'LAPSED' }.actor.id", equalTo("system:lapse-job"))
                .body("items.find { it.action == 'LAPSED' }.actor.role", equalTo("system"))
                .body("items.find { it.action == 'LAPSED' }.after.status", equalTo("LAPSED"));
    }

    private String draft(String unit) {
        return post("vest-leader", "/clarifications", clarificationBody(basis, unit)).statusCode(201)
                .extract().path("id");
    }

    private String submitted(String unit) {
        String id = draft(unit);
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
        return id;
    }

    /** Drafted, submitted, approved, suspended, re-submitted, approved by an admin, revoked: seven changes. */
    private String throughTheWholeLifecycle() {
        String id = Fixture.activeClarification(basis, "sengepost-3");
        post("vest-leader", "/clarifications/" + id + "/suspend", Map.of("version", 2, "reason", "Bemanning"))
                .statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/submit", Map.of("version", 3)).statusCode(200);
        post("vest-admin", "/clarifications/" + id + "/approve", Map.of("version", 4)).statusCode(200);
        post("vest-admin", "/clarifications/" + id + "/revoke", Map.of("version", 5, "reason", "Oppgaven flyttes"))
                .statusCode(200);
        return id;
    }
}
