package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import no.torn.platform.testing.TestClock;
import no.torn.platform.time.Today;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static no.torn.responsibility.Fixture.COMPETENCE_TOPIC;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.recordEvent;
import static no.torn.responsibility.Fixture.send;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * "Was V1001 qualified for, and delegated, task T on day D?" answered as known at the end of D, with the state of
 * later days driven by the test clock and by competence events stamped with the producer's (shifted) time.
 */
@QuarkusTest
class PointInTimeTest {

    private static final String COMP = "rules.evaluated.find { it.rule == 'R-COMP-01' }";

    String code;
    Fixture.Basis basis;
    LocalDate day;

    @BeforeEach
    void setUp() {
        Fixture.employeeV1001();
        code = Fixture.code("medisin");
        basis = Fixture.basis(List.of(code), List.of());
        day = Today.dateOf(Instant.now());
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private ValidatableResponse onDay(String user, UUID employee, String task, LocalDate date) {
        return get(user, "/point-in-time?employeeId=" + employee + "&taskCode=" + task
                + (date == null ? "" : "&date=" + date));
    }

    /** A record of {@code code} for V1001, valid from 2024 until {@code validUntil}. */
    private UUID record(LocalDate validUntil) {
        UUID id = UUID.randomUUID();
        send(COMPETENCE_TOPIC, id.toString(), recordEvent("record-registered", id, V1001, code, List.of(),
                validUntil, "ACTIVE", 1, null));
        Fixture.awaitRow("select count(*) from competence_record_history where record_id = ?1", id);
        return id;
    }

    private void awaitDelegation(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + id).statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void qualifiedAndDelegatedOnTheDayWithTheRulesItRestsOn() {
        UUID record = record(day.plusYears(2));
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        String delegation = Fixture.activeDelegation(clarification);

        Instant before = Instant.now().minusSeconds(1);
        onDay("vest-leader", V1001, basis.taskCode(), day).statusCode(200)
                .body("date", equalTo(day.toString()))
                .body("qualified", equalTo(true))
                .body("delegated", equalTo(true))
                .body("qualifiedAsKnownNow", equalTo(true))
                .body("rules.requirementsFrom", equalTo("DELEGATION"))
                .body("rules.requiredCompetences", equalTo(List.of(code)))
                .body("rules.delegationId", equalTo(delegation))
                .body("rules.clarification.clarificationId", equalTo(clarification))
                .body("rules.clarification.statusOnDate", equalTo("ACTIVE"))
                .body("rules.clarification.appliedMappingId", equalTo(basis.mappingId().toString()))
                .body("rules.evaluated.rule", equalTo(List.of("R-COMP-01", "R-SHARE-01", "R-SHARE-02",
                        "R-SHARE-03", "R-SHARE-04", "R-SHARE-05")))
                .body("rules.evaluated.met", not(hasItem(false)))
                .body("competences", hasSize(1))
                .body("competences[0].recordId", equalTo(record.toString()))
                .body("competences[0].knownThen.validOnDate", equalTo(true))
                .body("competences[0].knownNow", nullValue())
                .body("competences[0].changedSince", equalTo(false))
                .body("delegations[0].delegationId", equalTo(delegation))
                .body("delegations[0].statusOnDate", equalTo("ACTIVE"))
                .body("delegations[0].statusNow", equalTo("ACTIVE"))
                .body("delegations[0].audit.action", equalTo(List.of("CREATED", "CONFIRMED")))
                .body("delegations[0].audit[0].actorRole", equalTo("unit-leader"))
                .body("delegations[0].audit[0].actorName", notNullValue());
        // Today is the default day; the employee reads their own; reading another person's is audit-logged.
        onDay("vest-employee", V1001, basis.taskCode(), null).statusCode(200)
                .body("date", equalTo(day.toString()))
                .body("delegated", equalTo(true));
        get("vest-auditor", "/audit?entityId=" + V1001 + "&from=" + before).statusCode(200)
                .body("items.action", hasItem("VIEWED"))
                .body("items.reason", hasItem(containsString(basis.taskCode())));
    }

    @Test
    void aRecordThatLapsedAndADelegationSuspendedAfterTheDayStillCountOnIt() {
        UUID record = record(day.plusDays(1));
        String delegation = Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));

        TestClock.shift(Duration.ofDays(3));
        send(COMPETENCE_TOPIC, record.toString(), Fixture.at(recordEvent("record-expired", record, V1001, code,
                List.of(), day.plusDays(1), "EXPIRED", 2, null), Instant.now().plus(Duration.ofDays(3))));
        awaitDelegation(delegation, "SUSPENDED");

        onDay("vest-leader", V1001, basis.taskCode(), day).statusCode(200)
                .body("qualified", equalTo(true))
                .body("delegated", equalTo(true))
                .body(COMP + ".met", equalTo(true))
                .body("competences[0].knownThen.status", equalTo("ACTIVE"))
                .body("competences[0].knownNow.status", equalTo("EXPIRED"))
                .body("competences[0].knownNow.validOnDate", equalTo(true))
                .body("delegations[0].statusOnDate", equalTo("ACTIVE"))
                .body("delegations[0].statusNow", equalTo("SUSPENDED"))
                .body("delegations[0].audit.action", not(hasItem("SUSPENDED")));
        // Three days later (today on the shifted clock) neither holds.
        onDay("vest-leader", V1001, basis.taskCode(), day.plusDays(3)).statusCode(200)
                .body("qualified", equalTo(false))
                .body("delegated", equalTo(false))
                .body(COMP + ".met", equalTo(false))
                .body("delegations[0].statusOnDate", equalTo("SUSPENDED"))
                .body("delegations[0].audit.action", hasItem("SUSPENDED"));
    }

    @Test
    void aRecordRevokedBeforeTheDayLeavesTheEmployeeUnqualifiedNamingRComp01() {
        UUID record = record(day.plusYears(2));
        String delegation = Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));
        send(COMPETENCE_TOPIC, record.toString(), recordEvent("record-revoked", record, V1001, code, List.of(),
                day.plusYears(2), "REVOKED", 2, "Feilregistrert"));
        awaitDelegation(delegation, "SUSPENDED");

        TestClock.shift(Duration.ofDays(2));
        onDay("vest-leader", V1001, basis.taskCode(), day.plusDays(2)).statusCode(200)
                .body("qualified", equalTo(false))
                .body("delegated", equalTo(false))
                .body(COMP + ".met", equalTo(false))
                .body(COMP + ".detail", containsString(code))
                .body("competences[0].knownThen.status", equalTo("REVOKED"))
                .body("competences[0].knownThen.validOnDate", equalTo(false))
                .body("delegations[0].statusOnDate", equalTo("SUSPENDED"));
    }

    @Test
    void aLaterCorrectionIsShownAsKnownNowBesideWhatWasKnownThen() {
        UUID record = record(day.plusYears(2));
        Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));

        // Five days later HR corrects the record: it was acquired only after the day.
        TestClock.shift(Duration.ofDays(5));
        send(COMPETENCE_TOPIC, record.toString(), Fixture.at(recordEvent("record-updated", record, V1001, code,
                List.of(), day.plusDays(4), day.plusYears(2), "ACTIVE", 2, "Dato rettet"),
                Instant.now().plus(Duration.ofDays(5))));
        Fixture.awaitRow("select count(*) from competence_record_history where record_id = ?1 and source_version = 2",
                record);

        onDay("vest-leader", V1001, basis.taskCode(), day).statusCode(200)
                .body("qualified", equalTo(true))
                .body("qualifiedAsKnownNow", equalTo(false))
                .body("delegated", equalTo(true))
                .body(COMP + ".met", equalTo(true))
                .body(COMP + ".metAsKnownNow", equalTo(false))
                .body(COMP + ".detail", containsString("as known now"))
                .body("competences[0].changedSince", equalTo(true))
                .body("competences[0].knownThen.acquiredOn", equalTo("2024-01-15"))
                .body("competences[0].knownThen.validOnDate", equalTo(true))
                .body("competences[0].knownNow.acquiredOn", equalTo(day.plusDays(4).toString()))
                .body("competences[0].knownNow.validOnDate", equalTo(false))
                .body("competences[0].knownNow.sourceVersion", equalTo(2));
    }

    @Test
    void foreignOrUnreadableEmployeesAndTasksAre404AndBadInputIs400() {
        record(day.plusYears(2));
        onDay("sorost-admin", V1001, basis.taskCode(), day).statusCode(404);
        onDay("vest-leader", UUID.randomUUID(), basis.taskCode(), day).statusCode(404);
        String foreignTask = Fixture.code("T");
        send(Fixture.TASK_TOPIC, foreignTask, Fixture.taskEvent("task-registered", foreignTask, "helse-sor-ost",
                List.of(), "ACTIVE", 1));
        Fixture.awaitRow("select count(*) from task_view where code = ?1", foreignTask);
        onDay("vest-leader", V1001, foreignTask, day).statusCode(404);
        onDay("vest-leader", V1001, "NO-SUCH-TASK", day).statusCode(404);
        // An employee reads only their own.
        UUID colleague = UUID.randomUUID();
        send(COMPETENCE_TOPIC, colleague.toString(), Fixture.employeeEvent("employee-registered", colleague,
                "V6" + colleague.toString().substring(0, 4), Fixture.HF, Fixture.UNIT, "helsefagarbeider", "ACTIVE",
                1));
        Fixture.awaitRow("select count(*) from employee_view where employee_id = ?1", colleague);
        onDay("vest-employee", colleague, basis.taskCode(), day).statusCode(404);
        onDay("vest-norole", V1001, basis.taskCode(), day).statusCode(403);

        get("vest-leader", "/point-in-time?employeeId=" + V1001 + "&taskCode=" + basis.taskCode()
                + "&date=2026-13-01").statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("date")));
        get("vest-leader", "/point-in-time?employeeId=" + V1001 + "&taskCode=" + basis.taskCode()
                + "&date=yesterday").statusCode(400).body("violations.field", equalTo(List.of("date")));
        get("vest-leader", "/point-in-time?taskCode=" + basis.taskCode()).statusCode(400)
                .body("violations.field", equalTo(List.of("employeeId")));
        get("vest-leader", "/point-in-time?employeeId=42&taskCode=" + basis.taskCode()).statusCode(400)
                .body("violations.field", equalTo(List.of("employeeId")));
        get("vest-leader", "/point-in-time?employeeId=" + V1001).statusCode(400)
                .body("violations.field", equalTo(List.of("taskCode")));
    }

    @Test
    void withoutADelegationTheTasksRequirementsAreEvaluated() {
        onDay("vest-hr", V1001, basis.taskCode(), day).statusCode(200)
                .body("delegated", equalTo(false))
                .body("rules.requirementsFrom", equalTo("TASK"))
                .body("rules.requiredCompetences", equalTo(List.of(code)))
                .body("rules.clarification", nullValue())
                .body("delegations", hasSize(0))
                .body(COMP + ".met", equalTo(false))
                .body("qualified", equalTo(false));
        record(day.plusYears(2));
        onDay("vest-hr", V1001, basis.taskCode(), day).statusCode(200)
                .body(COMP + ".met", equalTo(true))
                .body("rules.evaluated.findAll { it.rule.startsWith('R-SHARE') }.met", not(hasItem(false)))
                .body("qualified", equalTo(true));
    }
}
