package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TestClock;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static no.torn.responsibility.Fixture.API;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.delegationBody;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static no.torn.responsibility.Fixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class DelegationApiTest {

    String taskCode1;
    String extraCode;
    String impliedCode;
    Fixture.Basis basis;

    @BeforeEach
    void setUp() {
        Fixture.employeeV1001();
        taskCode1 = Fixture.code("kateter");
        extraCode = Fixture.code("sterilteknikk");
        impliedCode = Fixture.code("hygiene");
        // The task needs two competences, the mapping adds one; one of them is only implied by another record.
        basis = Fixture.basis(List.of(taskCode1, impliedCode), List.of(extraCode));
    }

    @Test
    void missingCompetencesAre422WithOneViolationEach() {
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://torn.no/rules/R-COMP-01"))
                .body("rules", hasSize(3))
                .body("rules.rule", everyItem(equalTo("R-COMP-01")))
                .body("rules.detail", containsInAnyOrder(startsWith(taskCode1), startsWith(impliedCode),
                        startsWith(extraCode)));

        Fixture.grant(V1001, taskCode1, List.of(impliedCode));
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(422)
                .body("rules", hasSize(1))
                .body("rules[0].field", equalTo("requiredCompetences"))
                .body("rules[0].detail", startsWith(extraCode));

        // An expired record does not count, nor one whose validity ended.
        UUID expired = UUID.randomUUID();
        Fixture.send(Fixture.COMPETENCE_TOPIC, expired.toString(), Fixture.recordEvent("record-expired", expired, V1001,
                extraCode, List.of(), LocalDate.now().minusDays(1), "EXPIRED", 3, null));
        UUID outdated = UUID.randomUUID();
        Fixture.send(Fixture.COMPETENCE_TOPIC, outdated.toString(), Fixture.recordEvent("record-registered", outdated,
                V1001, extraCode, List.of(), LocalDate.now().minusDays(1), "ACTIVE", 1, null));
        Fixture.awaitRow("select count(*) from competence_record_view where record_id = ?1", expired);
        Fixture.awaitRow("select count(*) from competence_record_view where record_id = ?1", outdated);
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(422)
                .body("rules", hasSize(1));

        Fixture.grant(V1001, extraCode, List.of());
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(201)
                .body("status", equalTo("CREATED"))
                .body("requiredCompetences", containsInAnyOrder(taskCode1, impliedCode, extraCode));
    }

    @Test
    void employeeMustBeActiveInTheUnitAndGroupOfTheClarification() {
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        UUID other = UUID.randomUUID();
        Fixture.send(Fixture.COMPETENCE_TOPIC, other.toString(), Fixture.employeeEvent("employee-registered", other,
                "V9" + other.toString().substring(0, 4), "helse-bergen", "barnepost", "helsefagarbeider", "ACTIVE", 1));
        Fixture.awaitRow("select count(*) from employee_view where employee_id = ?1", other);
        post("vest-leader", "/delegations", delegationBody(clarification, other)).statusCode(422)
                .body("type", equalTo("https://torn.no/rules/R-RESP-07"))
                .body("rules.rule", hasItem("R-RESP-07"))
                .body("rules.find { it.rule == 'R-RESP-07' }.field", equalTo("employeeId"))
                .body("rules.find { it.rule == 'R-RESP-07' }.detail", containsString("does not work in"));

        UUID porter = UUID.randomUUID();
        Fixture.send(Fixture.COMPETENCE_TOPIC, porter.toString(), Fixture.employeeEvent("employee-registered", porter,
                "V8" + porter.toString().substring(0, 4), "helse-bergen", Fixture.UNIT, "portor", "ACTIVE", 1));
        Fixture.send(Fixture.COMPETENCE_TOPIC, porter.toString(), Fixture.employeeEvent("employee-left", porter,
                "V8" + porter.toString().substring(0, 4), "helse-bergen", Fixture.UNIT, "portor", "LEFT", 2));
        Fixture.awaitRow("select count(*) from employee_view where employee_id = ?1 and status = 'LEFT'", porter);
        // Every unmet rule at once: not employed, not of the performing group, and the sharing decision for porters.
        post("vest-leader", "/delegations", delegationBody(clarification, porter)).statusCode(422)
                .body("rules.rule", hasItems("R-RESP-06", "R-RESP-08", "R-SHARE-02", "R-SHARE-03"))
                .body("rules.detail", hasItem(containsString("LEFT")))
                .body("rules.detail", hasItem(containsString("performing group")));

        post("vest-leader", "/delegations", delegationBody(clarification, UUID.randomUUID())).statusCode(422)
                .body("violations.field", hasItem("employeeId"));
    }

    @Test
    void delegationNeedsAClarificationInForce() {
        String draft = post("vest-leader", "/clarifications", Fixture.clarificationBody(basis, Fixture.UNIT))
                .statusCode(201).extract().path("id");
        Fixture.grant(V1001, taskCode1, List.of(impliedCode));
        Fixture.grant(V1001, extraCode, List.of());
        post("vest-leader", "/delegations", delegationBody(draft, V1001)).statusCode(422)
                .body("rules.rule", equalTo(List.of("R-RESP-05")))
                .body("rules[0].field", equalTo("clarificationId"))
                .body("detail", containsString("not in force"));
        post("vest-leader", "/delegations", delegationBody(UUID.randomUUID().toString(), V1001)).statusCode(404);
        Map<String, Object> body = delegationBody(draft, V1001);
        body.remove("delegator");
        body.put("validTo", "2020-01-01");
        post("vest-leader", "/delegations", body).statusCode(400).body("violations.field", hasItem("delegator"));
        body = delegationBody(draft, V1001);
        body.put("validTo", LocalDate.now().minusDays(3).toString());
        post("vest-leader", "/delegations", body).statusCode(400).body("violations.field", hasItem("validTo"));
    }

    @Test
    void aDelegationPastItsValidToIsNotConfirmed() {
        Map<String, Object> body = delegationBody(competentAndClarified(), V1001);
        body.put("validTo", LocalDate.now().plusDays(1).toString());
        String id = post("vest-leader", "/delegations", body).statusCode(201).extract().path("id");
        TestClock.shift(Duration.ofDays(3));
        try {
            post("vest-employee", "/me/delegations/" + id + "/confirm",
                    Map.of("version", 0, "consideredCompetent", true)).statusCode(422)
                    .body("type", equalTo("https://torn.no/rules/R-RESP-09"))
                    .body("rules.rule", equalTo(List.of("R-RESP-09")))
                    .body("rules[0].field", equalTo("validTo"));
        } finally {
            TestClock.reset();
        }
        get("vest-leader", "/delegations/" + id).statusCode(200).body("status", equalTo("CREATED"));
    }

    @Test
    void onlyTheEmployeeConfirmsTheirOwnDelegationWithTheStatement() {
        String clarification = competentAndClarified();
        String id = post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(201)
                .header("Location", containsString("/delegations/")).extract().path("id");
        post("vest-leader", "/delegations", delegationBody(clarification, V1001)).statusCode(409);
        get("vest-employee", "/me").statusCode(200)
                .body("employeeId", equalTo(V1001.toString()))
                .body("awaitingConfirmation.delegationId", hasItem(id));
        // Nobody else confirms: not a leader, not an employee of another RHF, not without the statement.
        post("vest-leader", "/delegations/" + id + "/confirm", Map.of("version", 0, "consideredCompetent", true))
                .statusCode(403);
        post("sorost-employee", "/delegations/" + id + "/confirm", Map.of("version", 0, "consideredCompetent", true))
                .statusCode(404);
        post("sorost-employee", "/me/delegations/" + id + "/confirm", Map.of("version", 0, "consideredCompetent", true))
                .statusCode(404);
        post("vest-employee", "/delegations/" + id + "/confirm", Map.of("version", 0, "consideredCompetent", false))
                .statusCode(400).body("violations.field", hasItem("consideredCompetent"));
        post("vest-employee", "/delegations/" + id + "/confirm", Map.of("version", 7, "consideredCompetent", true))
                .statusCode(409);
        post("vest-employee", "/delegations/" + id + "/confirm", Map.of("version", 0, "consideredCompetent", true))
                .statusCode(200).body("status", equalTo("ACTIVE")).body("confirmedAt", notNullValue());
        post("vest-employee", "/delegations/" + id + "/confirm", Map.of("version", 1, "consideredCompetent", true))
                .statusCode(409);
    }

    @Test
    void anActiveDelegationShowsInTheEmployeesOwnView() {
        String id = Fixture.activeDelegation(competentAndClarified());
        get("vest-employee", "/me").statusCode(200)
                .body("active.find { it.delegationId == '" + id + "' }.accountable", equalTo(List.of("Avdelingsoverlege")))
                .body("active.find { it.delegationId == '" + id + "' }.inEffect", equalTo(true))
                .body("active.find { it.delegationId == '" + id + "' }.supervisor", equalTo("Sykepleier i vakt"));
        get("vest-employee", "/me/delegations?status=ACTIVE").statusCode(200).body("items.id", hasItem(id));
        get("vest-employee", "/delegations/" + id).statusCode(200);
        get("vest-employee", "/delegations").statusCode(403);
        get("sorost-employee", "/me").statusCode(404);
    }

    @Test
    void readingAnEmployeesAuthorisationsIsAuditedWithTheReadersName() {
        String id = Fixture.activeDelegation(competentAndClarified());
        get("vest-hr", "/employees/" + V1001 + "/authorisations").statusCode(200)
                .body("active.delegationId", hasItem(id));
        get("sorost-admin", "/employees/" + V1001 + "/authorisations").statusCode(404);
        get("vest-employee", "/employees/" + V1001 + "/authorisations").statusCode(403);
        get("vest-auditor", "/audit?entityType=EMPLOYEE&entityId=" + V1001).statusCode(200)
                .body("items.action", everyItem(equalTo("VIEWED")))
                .body("items.actor.name", hasItem("HR Vest"))
                .body("items.actor.role", hasItem("hf-hr"));
        get("sorost-auditor", "/audit?entityType=EMPLOYEE&entityId=" + V1001).statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void whoIsResponsibleNamesTheClarificationInForceAndItsActiveDelegations() {
        Fixture.activeDelegation(competentAndClarified());
        get("vest-employee", "/who-is-responsible?taskCode=" + basis.taskCode() + "&hf=helse-bergen&unit="
                + Fixture.UNIT).statusCode(200)
                .body("clarifications", hasSize(1))
                .body("clarifications[0].accountable", equalTo(List.of("Avdelingsoverlege")))
                .body("clarifications[0].responsible", equalTo(List.of("Helsefagarbeider")))
                .body("clarifications[0].delegations.employeeId", equalTo(List.of(V1001.toString())));
        get("sorost-leader", "/who-is-responsible?taskCode=" + basis.taskCode()).statusCode(200)
                .body("clarifications", hasSize(0));
        get("sorost-leader", "/who-is-responsible?taskCode=" + basis.taskCode() + "&hf=helse-bergen").statusCode(403);
        get("vest-leader", "/who-is-responsible").statusCode(400);
    }

    @Test
    void delegationsAreReadOnlyWithinTheirRhf() {
        String id = Fixture.activeDelegation(competentAndClarified());
        get("vest-leader", "/delegations?employeeId=" + V1001 + "&status=ACTIVE&taskCode=" + basis.taskCode())
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        get("sorost-admin", "/delegations/" + id).statusCode(404);
        get("sorost-admin", "/delegations?taskCode=" + basis.taskCode()).statusCode(200).body("total", equalTo(0));
        get("vest-norole", "/delegations/" + id).statusCode(403);
        given().when().get(API + "/delegations/" + id).then().statusCode(401);
    }

    @Test
    void creationAndActivationArePublishedMatchingTheirSchemas() {
        String id = Fixture.activeDelegation(competentAndClarified());
        List<TopicReader.Event> events = Fixture.published(e -> id.equals(e.subject()), 2);
        assertThat(events).extracting(TopicReader.Event::type).containsExactly(
                "no.torn.responsibility.delegation-created.v1", "no.torn.responsibility.delegation-activated.v1");
        EventSchemas.assertValid(Fixture.schema("delegation-created"), events.get(0).cloudEvent());
        EventSchemas.assertValid(Fixture.schema("delegation-activated"), events.get(1).cloudEvent());
        assertThat(events.get(1).data().path("employeeId").asText()).isEqualTo(V1001.toString());
    }

    @Test
    void aLeaderOfItsHfEndsADelegationWithAReason() {
        String id = Fixture.activeDelegation(competentAndClarified());
        post("sorost-leader", "/delegations/" + id + "/end", Map.of("version", 1, "reason", "x")).statusCode(404);
        post("vest-employee", "/delegations/" + id + "/end", Map.of("version", 1, "reason", "x")).statusCode(403);
        post("vest-leader", "/delegations/" + id + "/end", Map.of("version", 1)).statusCode(400);
        post("vest-leader", "/delegations/" + id + "/end", Map.of("version", 1, "reason", "Omorganisering"))
                .statusCode(200).body("status", equalTo("ENDED"));
        post("vest-leader", "/delegations/" + id + "/end", Map.of("version", 2, "reason", "igjen")).statusCode(409);
        post("vest-leader", "/delegations/" + id + "/reconfirm", Map.of("version", 2, "reason", "igjen"))
                .statusCode(409);
        var ended = Fixture.published(e -> id.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-ended.v1"), 1);
        EventSchemas.assertValid(Fixture.schema("delegation-ended"), ended.get(0).cloudEvent());
    }

    @Test
    void matrixPerUnitAsJsonAndCsv() {
        String unit = Fixture.code("matrise");
        Fixture.activeClarification(basis, unit);
        Map<String, Object> draftBody = Fixture.clarificationBody(basis, unit);
        post("vest-leader", "/clarifications", draftBody).statusCode(201);

        given().header("Authorization", token("vest-auditor")).accept(ContentType.JSON)
                .when().get(API + "/matrix?hf=helse-bergen&unit=" + unit).then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].taskCode", equalTo(basis.taskCode()))
                .body("rows[0].taskTitle", equalTo("Task " + basis.taskCode()))
                .body("rows[0].accountable", equalTo(List.of("Avdelingsoverlege")))
                .body("rows[0].consulted", equalTo(List.of("Sykepleier i vakt")))
                .body("rows[0].informed", equalTo(List.of("Seksjonsleder")));
        String csv = given().header("Authorization", token("vest-leader")).accept("text/csv")
                .when().get(API + "/matrix?hf=helse-bergen&unit=" + unit).then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString(".csv"))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("taskCode,taskTitle,status,responsible,accountable,consulted,informed");
        assertThat(lines[1]).startsWith(basis.taskCode() + ",Task " + basis.taskCode()
                + ",ACTIVE,Helsefagarbeider,Avdelingsoverlege,Sykepleier i vakt,Seksjonsleder,helsefagarbeider,");

        given().header("Authorization", token("sorost-auditor")).accept(ContentType.JSON)
                .when().get(API + "/matrix?hf=helse-bergen&unit=" + unit).then().statusCode(403);
        given().header("Authorization", token("sorost-national")).accept(ContentType.JSON)
                .when().get(API + "/matrix?hf=helse-bergen&unit=" + unit).then().statusCode(200)
                .body("rows", hasSize(1));
        given().header("Authorization", token("vest-auditor")).accept(ContentType.JSON)
                .when().get(API + "/matrix?unit=" + unit).then().statusCode(400);
        given().header("Authorization", token("vest-employee")).accept(ContentType.JSON)
                .when().get(API + "/matrix?hf=helse-bergen&unit=" + unit).then().statusCode(403);
        given().accept(ContentType.JSON).when().get(API + "/matrix?hf=helse-bergen&unit=" + unit)
                .then().statusCode(401);
        given().header("Authorization", token("vest-leader")).accept(ContentType.JSON)
                .when().get(API + "/matrix?hf=helse-bergen&unit=tom-enhet").then().statusCode(200)
                .body("rows", hasSize(0))
                .body("rows", not(hasItem(notNullValue())));
    }

    /** V1001 holds every competence the basis requires, and an ACTIVE clarification of the unit rests on it. */
    private String competentAndClarified() {
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        Fixture.grant(V1001, taskCode1, List.of(impliedCode));
        Fixture.grant(V1001, extraCode, List.of());
        return clarification;
    }
}
