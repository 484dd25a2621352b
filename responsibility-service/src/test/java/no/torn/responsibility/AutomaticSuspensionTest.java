package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.responsibility.Fixture.COMPETENCE_TOPIC;
import static no.torn.responsibility.Fixture.TASK_TOPIC;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static no.torn.responsibility.Fixture.recordEvent;
import static no.torn.responsibility.Fixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** End to end inside the service: competence and task events on the real broker suspend delegations. */
@QuarkusTest
class AutomaticSuspensionTest {

    private static final String VEST_COMPETENCE_TOPIC = "torn.helse-vest.competence.v1";

    String code;
    String implied;
    Fixture.Basis basis;

    @BeforeEach
    void setUp() {
        Fixture.employeeV1001();
        code = Fixture.code("medisin");
        implied = Fixture.code("legemiddelregning");
        basis = Fixture.basis(List.of(code), List.of(implied));
    }

    /** A delegation suspended because its record expired: the record, the delegation and the expiry event. */
    record Suspended(UUID record, String delegation, String expiredEvent) {
    }

    private Suspended suspendedByExpiry() {
        UUID record = Fixture.grant(V1001, code, List.of(implied));
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        String delegation = Fixture.activeDelegation(clarification);
        String expired = recordEvent("record-expired", record, V1001, code, List.of(implied),
                LocalDate.now().minusDays(1), "EXPIRED", 2, null);
        send(COMPETENCE_TOPIC, record.toString(), expired);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + delegation).statusCode(200)
                        .body("status", equalTo("SUSPENDED")));
        return new Suspended(record, delegation, expired);
    }

    @Test
    void anExpiredRecordSuspendsTheDelegationNamingTheCompetence() {
        Suspended s = suspendedByExpiry();
        get("vest-leader", "/delegations/" + s.delegation()).statusCode(200)
                .body("competenceCode", equalTo(code))
                .body("statusReason", containsString("expired"));
        List<TopicReader.Event> suspended = Fixture.published(e -> s.delegation().equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-suspended.v1"), 1);
        assertThat(suspended).hasSize(1);
        EventSchemas.assertValid(Fixture.schema("delegation-suspended"), suspended.get(0).cloudEvent());
        assertThat(suspended.get(0).data().path("competenceCode").asText()).isEqualTo(code);
        assertThat(suspended.get(0).data().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.get(0).key()).isEqualTo(s.delegation());
        get("vest-auditor", "/audit?entityId=" + s.delegation()).statusCode(200)
                .body("items.find { it.action == 'SUSPENDED' }.actor.id", equalTo("system:competence-events"))
                .body("items.find { it.action == 'SUSPENDED' }.actor.role", equalTo("system"))
                .body("items.find { it.action == 'SUSPENDED' }.after.competenceCode", equalTo(code));
    }

    @Test
    void aRedeliveredOrReplayedEventChangesNothing() {
        Suspended s = suspendedByExpiry();
        send(COMPETENCE_TOPIC, s.record().toString(), s.expiredEvent());
        send(COMPETENCE_TOPIC, s.record().toString(), recordEvent("record-registered", s.record(), V1001, code,
                List.of(implied), LocalDate.now().plusYears(2), "ACTIVE", 1, null));
        awaitMarkerBehind(s.record().toString());
        assertThat(Db.single("select status from competence_record_view where record_id = ?1", s.record()))
                .isEqualTo("EXPIRED");
        get("vest-auditor", "/audit?entityId=" + s.delegation()).statusCode(200)
                .body("items.findAll { it.action == 'SUSPENDED' }", hasSize(1));
        assertThat(Fixture.published(e -> s.delegation().equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-suspended.v1"), 1)).hasSize(1);
    }

    @Test
    void onlyAUnitLeaderReconfirmsOnceTheCompetenceIsValidAgain() {
        Suspended s = suspendedByExpiry();
        String delegation = s.delegation();
        post("vest-leader", "/delegations/" + delegation + "/reconfirm", Map.of("version", 2, "reason", "ny"))
                .statusCode(422).body("rules.rule", hasItem("R-COMP-01"))
                .body("rules.detail", hasItem(containsString(code)));
        // A new valid record does not reactivate silently; the employee and an admin cannot re-confirm it.
        Fixture.grant(V1001, code, List.of(implied));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        post("vest-employee", "/delegations/" + delegation + "/reconfirm", Map.of("version", 2, "reason", "ny"))
                .statusCode(403);
        post("vest-admin", "/delegations/" + delegation + "/reconfirm", Map.of("version", 2, "reason", "ny"))
                .statusCode(403);
        post("vest-leader", "/delegations/" + delegation + "/reconfirm",
                Map.of("version", 2, "reason", "Ny gyldig dokumentasjon")).statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("competenceCode", equalTo(null));
        List<TopicReader.Event> activated = Fixture.published(e -> delegation.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-activated.v1"), 2);
        assertThat(activated).hasSize(2);
    }

    @Test
    void revokingARecordThatOnlyImpliesARequiredCompetenceSuspendsNamingTheImpliedCode() {
        UUID direct = Fixture.grant(V1001, code, List.of());
        UUID implying = Fixture.grant(V1001, Fixture.code("kurs"), List.of(implied));
        String delegation = Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));
        // An unrelated record of the employee expiring changes nothing.
        UUID unrelated = Fixture.grant(V1001, Fixture.code("annet"), List.of());
        send(COMPETENCE_TOPIC, unrelated.toString(), recordEvent("record-expired", unrelated, V1001, "ANNET",
                List.of(), LocalDate.now().minusDays(1), "EXPIRED", 2, null));
        awaitMarkerBehind(unrelated.toString());
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("ACTIVE"));

        send(COMPETENCE_TOPIC, implying.toString(), recordEvent("record-revoked", implying, V1001, "KURS",
                List.of(implied), LocalDate.now().plusYears(2), "REVOKED", 2, "Feilregistrert"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + delegation).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("competenceCode", equalTo(implied))
                        .body("statusReason", containsString("Feilregistrert")));
        assertThat(direct).isNotNull();
    }

    @Test
    void updatedRecordWhoseValidityEndedSuspendsToo() {
        UUID record = Fixture.grant(V1001, code, List.of(implied));
        String delegation = Fixture.activeDelegation(Fixture.activeClarification(basis, Fixture.UNIT));
        send(COMPETENCE_TOPIC, record.toString(), recordEvent("record-updated", record, V1001, code,
                List.of(implied), LocalDate.now().minusDays(2), "ACTIVE", 2, null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + delegation).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("competenceCode", equalTo(code)));
    }

    @Test
    void retiredMappingSuspendsItsClarificationsAndTheirDelegations() {
        Fixture.grant(V1001, code, List.of(implied));
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        String delegation = Fixture.activeDelegation(clarification);
        String mappingRetired = Fixture.mappingEvent("sharing-mapping-retired", basis.mappingId(), "helse-vest",
                basis.taskCode(), List.of(code), List.of(implied), "RETIRED", 3);
        send(TASK_TOPIC, basis.mappingId().toString(), mappingRetired);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("statusReason", containsString("retired")));
        get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("SUSPENDED"));
        var events = Fixture.published(e -> clarification.equals(e.subject())
                && e.type().equals("no.torn.responsibility.clarification-suspended.v1"), 1);
        EventSchemas.assertValid(Fixture.schema("clarification-suspended"), events.get(0).cloudEvent());
        assertThat(events.get(0).data().path("mappingId").asText()).isEqualTo(basis.mappingId().toString());
        Fixture.published(e -> delegation.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-suspended.v1"), 1);

        // Replaying the retirement, or an older approval arriving late, changes nothing.
        send(TASK_TOPIC, basis.mappingId().toString(), mappingRetired);
        send(TASK_TOPIC, basis.mappingId().toString(), Fixture.mappingEvent("sharing-mapping-approved",
                basis.mappingId(), "helse-vest", basis.taskCode(), List.of(code), List.of(implied), "APPROVED", 2));
        // A Helse Vest task on the same key: on the same topic and partition, so it is applied after them.
        String marker = Fixture.code("marker");
        send(TASK_TOPIC, basis.mappingId().toString(), Fixture.taskEvent("task-registered", marker, "helse-vest",
                List.of(), "ACTIVE", 1));
        Fixture.awaitRow("select count(*) from task_view where code = ?1", marker);
        assertThat(Db.single("select status from sharing_mapping_view where mapping_id = ?1", basis.mappingId()))
                .isEqualTo("RETIRED");
        get("vest-auditor", "/audit?entityId=" + clarification).statusCode(200)
                .body("items.findAll { it.action == 'SUSPENDED' }", hasSize(1))
                .body("items.find { it.action == 'SUSPENDED' }.actor.id", equalTo("system:task-events"));
        // It cannot be re-submitted while its mapping is retired.
        post("vest-leader", "/clarifications/" + clarification + "/submit", Map.of("version", 3)).statusCode(422)
                .body("rules.rule", hasItem("R-SHARE-04"))
                .body("rules.field", hasItem("mappingId"));
    }

    @Test
    void aDelegationNotYetConfirmedEndsWhenItsClarificationIsSuspended() {
        Fixture.grant(V1001, code, List.of(implied));
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        String delegation = post("vest-leader", "/delegations", Fixture.delegationBody(clarification, V1001))
                .statusCode(201).body("status", equalTo("CREATED")).extract().path("id");
        send(TASK_TOPIC, basis.mappingId().toString(), Fixture.mappingEvent("sharing-mapping-retired",
                basis.mappingId(), "helse-vest", basis.taskCode(), List.of(code), List.of(implied), "RETIRED", 3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/clarifications/" + clarification).statusCode(200)
                        .body("status", equalTo("SUSPENDED")));
        // CREATED cannot become SUSPENDED (only the employee's confirmation activates it): it ends, audited.
        get("vest-leader", "/delegations/" + delegation).statusCode(200)
                .body("status", equalTo("ENDED"))
                .body("statusReason", containsString("retired"));
        get("vest-auditor", "/audit?entityId=" + delegation).statusCode(200)
                .body("items.find { it.action == 'ENDED' }.actor.id", equalTo("system:task-events"))
                .body("items.find { it.action == 'ENDED' }.before.status", equalTo("CREATED"))
                .body("items.find { it.action == 'ENDED' }.after.status", equalTo("ENDED"));
        var ended = Fixture.published(e -> delegation.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-ended.v1"), 1);
        EventSchemas.assertValid(Fixture.schema("delegation-ended"), ended.get(0).cloudEvent());
        // The employee can no longer confirm it.
        post("vest-employee", "/me/delegations/" + delegation + "/confirm",
                Map.of("version", 1, "consideredCompetent", true)).statusCode(409);
    }

    @Test
    void employeeLeavingEndsTheirDelegations() {
        UUID leaver = UUID.randomUUID();
        String number = "V7" + leaver.toString().substring(0, 4);
        send(COMPETENCE_TOPIC, leaver.toString(), Fixture.employeeEvent("employee-registered", leaver, number,
                Fixture.HF, Fixture.UNIT, "helsefagarbeider", "ACTIVE", 1));
        Fixture.awaitRow("select count(*) from employee_view where employee_id = ?1", leaver);
        Fixture.grant(leaver, code, List.of(implied));
        String clarification = Fixture.activeClarification(basis, Fixture.UNIT);
        String delegation = post("vest-leader", "/delegations", Fixture.delegationBody(clarification, leaver))
                .statusCode(201).extract().path("id");
        send(COMPETENCE_TOPIC, leaver.toString(), Fixture.employeeEvent("employee-left", leaver, number,
                Fixture.HF, Fixture.UNIT, "helsefagarbeider", "LEFT", 2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + delegation).statusCode(200).body("status", equalTo("ENDED")));
        get("vest-leader", "/delegations?employeeId=" + leaver + "&status=ENDED").statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndLaterEventsStillFlow() {
        String key = UUID.randomUUID().toString();
        // Both on Helse Vest's topic (the first is no CloudEvent at all, so it names no RHF).
        send(VEST_COMPETENCE_TOPIC, key, "{\"specversion\":\"1.0\",\"id\":\"x\"");
        send(COMPETENCE_TOPIC, key, Fixture.cloudEvent("/torn/competence-service",
                "no.torn.competence.record-registered.v1", key, "helse-vest", Map.of("recordId", "not-a-uuid")));
        awaitMarkerBehind(key);
        var dead = TopicReader.awaitRaw(Fixture.bootstrap(), VEST_COMPETENCE_TOPIC + ".dlq", r -> key.equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(dead).hasSize(2);
    }

    /** Publishes a harmless record on the same key (so the same partition) and waits until it is applied. */
    private static void awaitMarkerBehind(String key) {
        UUID marker = UUID.randomUUID();
        UUID nobody = UUID.randomUUID();
        send(COMPETENCE_TOPIC, key, recordEvent("record-registered", marker, nobody, "MARKER", List.of(),
                null, "ACTIVE", 1, null));
        Fixture.awaitRow("select count(*) from competence_record_view where record_id = ?1", marker);
    }
}
