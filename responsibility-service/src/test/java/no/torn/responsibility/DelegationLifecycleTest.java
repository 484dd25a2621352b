package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TestClock;
import no.torn.responsibility.application.LapseJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.delegationBody;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class DelegationLifecycleTest {

    @Inject
    LapseJob lapseJob;

    String code;
    Fixture.Basis basis;

    @BeforeEach
    void setUp() {
        Fixture.employeeV1001();
        code = Fixture.code("saarstell");
        basis = Fixture.basis(List.of(code), List.of());
        Fixture.grant(V1001, code, List.of());
    }

    @Test
    void leaderSuspendsAndLaterReconfirms() {
        String id = Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));
        post("vest-leader", "/delegations/" + id + "/reconfirm", Map.of("version", 1, "reason", "x")).statusCode(409);
        post("vest-leader", "/delegations/" + id + "/suspend", Map.of("version", 1, "reason", "Avvik meldt"))
                .statusCode(200).body("status", equalTo("SUSPENDED")).body("competenceCode", nullValue());
        post("vest-leader", "/delegations/" + id + "/suspend", Map.of("version", 2, "reason", "igjen"))
                .statusCode(409);
        var suspended = Fixture.published(e -> id.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-suspended.v1"), 1);
        EventSchemas.assertValid(Fixture.schema("delegation-suspended"), suspended.get(0).cloudEvent());
        assertThat(suspended.get(0).data().path("reason").asText()).isEqualTo("Avvik meldt");
        assertThat(suspended.get(0).data().path("competenceCode").isNull()).isTrue();
        post("vest-leader2", "/delegations/" + id + "/reconfirm", Map.of("version", 2, "reason", "Avvik lukket"))
                .statusCode(200).body("status", equalTo("ACTIVE"));
        get("vest-auditor", "/audit?entityId=" + id).statusCode(200)
                .body("items.action", equalTo(List.of("CREATED", "CONFIRMED", "SUSPENDED", "RECONFIRMED")))
                .body("items.actor.name", equalTo(List.of("Leder Vest", "Ansatt Vest", "Leder Vest", "Leder2 Vest")))
                .body("items.actor.role", equalTo(List.of("unit-leader", "employee", "unit-leader", "unit-leader")))
                .body("items[2].before.status", equalTo("ACTIVE"))
                .body("items[2].after.status", equalTo("SUSPENDED"));
    }

    @Test
    void delegationEndsWhenItsValidToDatePasses() {
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        Map<String, Object> body = delegationBody(clarification, V1001);
        body.put("validTo", LocalDate.now().plusDays(1).toString());
        String id = post("vest-leader", "/delegations", body).statusCode(201).extract().path("id");
        TestClock.shift(Duration.ofDays(3));
        try {
            assertThat(lapseJob.run().delegationsEnded()).isGreaterThanOrEqualTo(1);
        } finally {
            TestClock.reset();
        }
        get("vest-leader", "/delegations/" + id).statusCode(200).body("status", equalTo("ENDED"))
                .body("statusReason", containsString("Valid until"));
    }

    @Test
    void approvedClarificationStartsOnItsDate() {
        Map<String, Object> body = Fixture.clarificationBody(basis, Fixture.UNIT);
        body.put("activeFrom", LocalDate.now().plusDays(2).toString());
        String id = post("vest-leader", "/clarifications", body).statusCode(201).extract().path("id");
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200)
                .body("status", equalTo("APPROVED"));
        post("vest-leader", "/delegations", delegationBody(id, V1001)).statusCode(422);
        TestClock.shift(Duration.ofDays(3));
        try {
            assertThat(lapseJob.run().activated()).isGreaterThanOrEqualTo(1);
        } finally {
            TestClock.reset();
        }
        get("vest-leader", "/clarifications/" + id).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void retiredTaskSuspendsClarificationsNamingIt() {
        Map<String, Object> body = Fixture.clarificationBody(basis, Fixture.UNIT);
        body.remove("mappingId");
        body.put("taskCode", basis.taskCode());
        body.put("delegatingGroup", "sykepleier");
        body.put("performingGroup", "helsefagarbeider");
        String clarification = post("vest-leader", "/clarifications", body).statusCode(201).extract().path("id");
        post("vest-leader", "/clarifications/" + clarification + "/submit", Map.of("version", 0)).statusCode(200);
        post("vest-leader2", "/clarifications/" + clarification + "/approve", Map.of("version", 1)).statusCode(200);
        String delegation = Fixture.activeDelegation(clarification);
        get("vest-leader", "/delegations/" + delegation).statusCode(200)
                .body("requiredCompetences", equalTo(List.of(code)));

        Fixture.send(Fixture.TASK_TOPIC, basis.taskCode(), Fixture.taskEvent("task-retired", basis.taskCode(), null,
                List.of(code), "RETIRED", 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("statusReason", containsString("retired")));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        // New clarifications on a retired task are refused.
        post("vest-leader", "/clarifications", body).statusCode(422);
    }

    @Test
    void longestReasonAlsoFitsTheDelegationsItCascadesTo() {
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        String delegation = Fixture.activeDelegation(clarification);
        String reason = "x".repeat(1000);
        post("vest-leader", "/clarifications/" + clarification + "/suspend", Map.of("version", 2, "reason", reason))
                .statusCode(200).body("statusReason", equalTo(reason));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusReason", containsString("Clarification suspended"));
        post("vest-leader", "/clarifications/" + clarification + "/revoke", Map.of("version", 3, "reason",
                reason + "x")).statusCode(400);
    }
}
