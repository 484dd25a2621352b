package no.torn.responsibility.register;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.TopicReader;
import no.torn.responsibility.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static no.torn.responsibility.Fixture.COMPETENCE_TOPIC;
import static no.torn.responsibility.Fixture.V1001;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static no.torn.responsibility.Fixture.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * competence-service's authorisation-mismatch (HPR does not confirm an authorisation record) on the real broker: the
 * delegations resting on the record stop as if it were revoked, audited and announced; others stay; redelivery and a
 * repeated announcement change nothing.
 */
@QuarkusTest
class AuthorisationMismatchTest {

    private static final String SUSPENDED = "no.torn.responsibility.delegation-suspended.v1";

    String authorisation;
    UUID record;

    @BeforeEach
    void anEmployeeWithAnAuthorisation() {
        Fixture.employeeV1001();
        authorisation = Fixture.code("AUT");
        record = Fixture.grant(V1001, authorisation, List.of());
    }

    private String mismatchEvent(String reason) {
        Map<String, Object> data = new HashMap<>();
        data.put("recordId", record.toString());
        data.put("employeeId", V1001.toString());
        data.put("rhf", "helse-vest");
        data.put("hf", Fixture.HF);
        data.put("competenceCode", authorisation);
        data.put("reason", reason);
        data.put("registerStatus", reason);
        data.put("checkedAt", Instant.now().toString());
        data.put("runId", UUID.randomUUID().toString());
        return Fixture.cloudEvent("/torn/competence-service", "no.torn.competence.authorisation-mismatch.v1",
                record.toString(), "helse-vest", data);
    }

    /** A harmless record event on the same key (so the same partition), applied after what was sent before it. */
    private void awaitMarkerBehind() {
        UUID marker = UUID.randomUUID();
        send(COMPETENCE_TOPIC, record.toString(), Fixture.recordEvent("record-registered", marker, UUID.randomUUID(),
                "MARKER", List.of(), null, "ACTIVE", 1, null));
        Fixture.awaitRow("select count(*) from competence_record_view where record_id = ?1", marker);
    }

    @Test
    void theDelegationRestingOnTheAuthorisationIsSuspendedAuditedAndAnnouncedOnce() {
        String delegation = Fixture.activeDelegation(
                Fixture.activeClarification(Fixture.basis(List.of(authorisation), List.of()), Fixture.UNIT));
        String course = Fixture.code("KURS");
        Fixture.grant(V1001, course, List.of());
        String unrelated = Fixture.activeDelegation(
                Fixture.activeClarification(Fixture.basis(List.of(course), List.of()), Fixture.UNIT));

        String event = mismatchEvent("REVOKED");
        send(COMPETENCE_TOPIC, record.toString(), event);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + delegation).statusCode(200)
                        .body("status", equalTo("SUSPENDED"))
                        .body("competenceCode", equalTo(authorisation))
                        .body("statusReason", containsString("HPR does not confirm")));
        get("vest-auditor", "/audit?entityId=" + delegation).statusCode(200)
                .body("items.find { it.action == 'SUSPENDED' }.actor.id", equalTo("system:competence-events"))
                .body("items.find { it.action == 'SUSPENDED' }.before.status", equalTo("ACTIVE"))
                .body("items.find { it.action == 'SUSPENDED' }.after.competenceCode", equalTo(authorisation));
        List<TopicReader.Event> suspended = Fixture.published(e -> delegation.equals(e.subject())
                && SUSPENDED.equals(e.type()), 1);
        EventSchemas.assertValid(Fixture.schema("delegation-suspended"), suspended.get(0).cloudEvent());
        assertThat(suspended.get(0).key()).isEqualTo(delegation);

        // Redelivery of the same event, and a later announcement for the same record, change nothing.
        send(COMPETENCE_TOPIC, record.toString(), event);
        send(COMPETENCE_TOPIC, record.toString(), mismatchEvent("SUSPENDED"));
        awaitMarkerBehind();
        get("vest-auditor", "/audit?entityId=" + delegation).statusCode(200)
                .body("items.findAll { it.action == 'SUSPENDED' }", hasSize(1));
        assertThat(Fixture.published(e -> delegation.equals(e.subject()) && SUSPENDED.equals(e.type()), 1))
                .hasSize(1);
        get("vest-leader", "/delegations/" + unrelated).statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aDelegationNotYetConfirmedEnds() {
        String clarification = Fixture.activeClarification(Fixture.basis(List.of(authorisation), List.of()),
                Fixture.UNIT);
        String delegation = post("vest-leader", "/delegations", Fixture.delegationBody(clarification, V1001))
                .statusCode(201).body("status", equalTo("CREATED")).extract().path("id");
        send(COMPETENCE_TOPIC, record.toString(), mismatchEvent("NOT_FOUND"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("vest-leader", "/delegations/" + delegation).statusCode(200)
                        .body("status", equalTo("ENDED"))
                        .body("statusReason", containsString("not yet confirmed")));
        get("vest-auditor", "/audit?entityId=" + delegation).statusCode(200)
                .body("items.find { it.action == 'ENDED' }.actor.id", equalTo("system:competence-events"));
        Fixture.published(e -> delegation.equals(e.subject())
                && e.type().equals("no.torn.responsibility.delegation-ended.v1"), 1);
    }

    @Test
    void anAnnouncementWithoutItsIdsGoesToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();
        send(COMPETENCE_TOPIC, key, Fixture.cloudEvent("/torn/competence-service",
                "no.torn.competence.authorisation-mismatch.v1", key, "helse-vest",
                Map.of("competenceCode", "AUT-SYKEPLEIER", "reason", "REVOKED")));
        var dead = TopicReader.awaitRaw(Fixture.bootstrap(), "torn.helse-vest.competence.v1.dlq",
                r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
    }
}
