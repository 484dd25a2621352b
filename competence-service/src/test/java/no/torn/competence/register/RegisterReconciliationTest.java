package no.torn.competence.register;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.competence.Fixtures;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.testing.HprRegisterStub;
import no.torn.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Reconciliation of authorisation records with HPR (R-AUTH-03) on demand, against the stub register: flagged,
 * announced on the RHF's topic and audited when HPR does not confirm; cleared when it does again; never marked
 * checked when HPR cannot be reached.
 */
@QuarkusTest
class RegisterReconciliationTest {

    private static final String RUNS = ROOT + "/register-reconciliations";
    private static final String MISMATCH_TYPE = "no.torn.competence.authorisation-mismatch.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    record Nurse(String employeeId, String hprNumber, String recordId) {
    }

    @AfterEach
    void registerUpAgain() {
        HprRegisterStubResource.stub().reset();
    }

    private static HprRegisterStub stub() {
        return HprRegisterStubResource.stub();
    }

    /** A Helse Vest nurse with an HPR number of their own and a record of AUT-SYKEPLEIER. */
    private static Nurse nurse() {
        String hpr = String.valueOf(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
        Map<String, Object> body = Fixtures.employeeBody("helse-bergen", "akutt", Fixtures.unique("E"), "sykepleier");
        body.put("hprNumber", hpr);
        String employee = as("vest-hr").body(body).post(ROOT + "/employees").then().statusCode(201)
                .extract().path("id");
        String record = Fixtures.createRecord("vest-hr", employee, "AUT-SYKEPLEIER", today().minusYears(6), null);
        return new Nurse(employee, hpr, record);
    }

    private static io.restassured.response.ValidatableResponse reconcile(String user, String employeeId) {
        return as(user).body(Map.of("employeeId", employeeId)).post(RUNS).then();
    }

    private JsonNode mismatchEvent(String recordId) {
        List<TopicReader.Event> found = TopicReader.await(bootstrap, Fixtures.TOPIC,
                e -> recordId.equals(e.subject()) && MISMATCH_TYPE.equals(e.type()), 1, Duration.ofSeconds(30));
        TopicReader.Event event = found.get(found.size() - 1);
        EventSchemas.assertValid(Fixtures.schema("authorisation-mismatch"), event.cloudEvent());
        assertThat(event.key()).isEqualTo(recordId);
        return event.cloudEvent();
    }

    private Object checkedAt(String recordId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select register_checked_at from competence_record where id = ?1")
                .setParameter(1, UUID.fromString(recordId)).getSingleResult());
    }

    @Test
    void anAuthorisationRevokedInHprIsFlaggedAnnouncedAuditedAndClearedOnceHprConfirmsItAgain() {
        Nurse n = nurse();
        stub().person(n.hprNumber(), "SP", "AUTHORISATION", "tilbakekalt", today().minusYears(6), null);

        reconcile("vest-admin", n.employeeId()).statusCode(201)
                .header("Location", containsString(RUNS + "/"))
                .body("status", equalTo("COMPLETED")).body("rhf", equalTo("helse-vest"))
                .body("employeeId", equalTo(n.employeeId())).body("trigger", equalTo("ON_DEMAND"))
                .body("checked", equalTo(1)).body("mismatches", equalTo(1)).body("errors", equalTo(0));

        JsonNode event = mismatchEvent(n.recordId());
        assertThat(event.path("rhf").asText()).isEqualTo("helse-vest");
        JsonNode data = event.path("data");
        assertThat(data.path("employeeId").asText()).isEqualTo(n.employeeId());
        assertThat(data.path("competenceCode").asText()).isEqualTo("AUT-SYKEPLEIER");
        assertThat(data.path("reason").asText()).isEqualTo("REVOKED");
        assertThat(data.path("registerStatus").asText()).isEqualTo("REVOKED");
        assertThat(data.has("hprNumber")).isFalse();
        assertThat(event.toString()).doesNotContain(n.hprNumber());

        as("vest-auditor").get(ROOT + "/records/" + n.recordId() + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("REGISTER_MISMATCH"))
                .body("[-1].actor.id", equalTo("system:hpr-reconciliation"))
                .body("[-1].actor.role", equalTo("system"))
                .body("[-1].changes.registerMismatch.to", equalTo("REVOKED"));
        as("vest-hr").get(RUNS + "/mismatches").then().statusCode(200)
                .body("items.recordId", hasItem(n.recordId()));
        // The flag does not change the record: it stays valid until HR revokes it (see the README).
        as("vest-hr").get(ROOT + "/records/" + n.recordId()).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("valid", equalTo(true));

        // The same answer again: checked, nothing new announced.
        reconcile("vest-admin", n.employeeId()).statusCode(201).body("checked", equalTo(1))
                .body("mismatches", equalTo(0));

        stub().person(n.hprNumber(), "SP", "AUTHORISATION", "VALID", today().minusYears(6), null);
        reconcile("vest-admin", n.employeeId()).statusCode(201).body("status", equalTo("COMPLETED"))
                .body("mismatches", equalTo(0)).body("cleared", equalTo(1));
        as("vest-auditor").get(ROOT + "/records/" + n.recordId() + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("REGISTER_CONFIRMED"))
                .body("findAll { it.action == 'REGISTER_MISMATCH' }.size()", equalTo(1));
        as("vest-hr").get(RUNS + "/mismatches").then().statusCode(200)
                .body("items.recordId", not(hasItem(n.recordId())));
        assertThat(TopicReader.await(bootstrap, Fixtures.TOPIC,
                e -> n.recordId().equals(e.subject()) && MISMATCH_TYPE.equals(e.type()), 1, Duration.ofSeconds(30)))
                .hasSize(1);
    }

    @Test
    void anotherPersonnelCategoryInHprIsFlagged() {
        Nurse n = nurse();
        stub().person(n.hprNumber(), "HF", "AUTHORISATION", "VALID", today().minusYears(3), null);
        reconcile("vest-admin", n.employeeId()).statusCode(201).body("mismatches", equalTo(1));
        JsonNode data = mismatchEvent(n.recordId()).path("data");
        assertThat(data.path("reason").asText()).isEqualTo("CATEGORY_MISMATCH");
        assertThat(data.path("registerStatus").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aSuspendedAuthorisationAndAPersonUnknownToHprAreFlagged() {
        Nurse suspended = nurse();
        stub().person(suspended.hprNumber(), "SP", "AUTHORISATION", "suspendert", today().minusYears(6), null);
        reconcile("vest-admin", suspended.employeeId()).statusCode(201).body("mismatches", equalTo(1));
        assertThat(mismatchEvent(suspended.recordId()).path("data").path("reason").asText()).isEqualTo("SUSPENDED");

        Nurse unknown = nurse();
        reconcile("vest-admin", unknown.employeeId()).statusCode(201).body("mismatches", equalTo(1));
        assertThat(mismatchEvent(unknown.recordId()).path("data").path("reason").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aValidAuthorisationIsCheckedAndNotFlagged() {
        Nurse n = nurse();
        stub().person(n.hprNumber(), "SP", "AUTHORISATION", "VALID", today().minusYears(6), null);
        reconcile("vest-admin", n.employeeId()).statusCode(201).body("status", equalTo("COMPLETED"))
                .body("checked", equalTo(1)).body("mismatches", equalTo(0));
        assertThat(checkedAt(n.recordId())).isNotNull();
        as("vest-auditor").get(ROOT + "/records/" + n.recordId() + "/history").then().statusCode(200)
                .body("action", not(hasItem("REGISTER_MISMATCH")));
        as("vest-hr").get(RUNS + "/mismatches").then().statusCode(200)
                .body("items.recordId", not(hasItem(n.recordId())));
    }

    @Test
    void hprAnswering503IsAskedThreeTimesAndTheRunFailsWithoutMarkingAnythingChecked() {
        Nurse n = nurse();
        stub().person(n.hprNumber(), "SP", "AUTHORISATION", "VALID", today().minusYears(6), null);
        reconcile("vest-admin", n.employeeId()).statusCode(201).body("status", equalTo("COMPLETED"));
        Object firstCheck = checkedAt(n.recordId());
        int asked = stub().requests(n.hprNumber());

        stub().person(n.hprNumber(), "SP", "AUTHORISATION", "REVOKED", today().minusYears(6), null).down(true);
        var failed = reconcile("vest-admin", n.employeeId()).statusCode(201)
                .body("status", equalTo("FAILED")).body("checked", equalTo(0)).body("mismatches", equalTo(0))
                .body("errors", equalTo(1)).body("failure", containsString("HPR answered 503"))
                .extract();
        String run = failed.path("id");
        String admin = failed.path("startedBy");
        assertThat(stub().requests(n.hprNumber()) - asked).isEqualTo(3);
        assertThat(checkedAt(n.recordId())).isEqualTo(firstCheck);
        as("vest-auditor").get(RUNS + "?status=FAILED").then().statusCode(200).body("items.id", hasItem(run));
        as("vest-auditor").get(RUNS + "/" + run).then().statusCode(200).body("status", equalTo("FAILED"))
                .body("finishedAt", notNullValue());
        as("vest-auditor").get(ROOT + "/audit?entityId=" + run).then().statusCode(200)
                .body("items[0].action", equalTo("FAILED"))
                .body("items[0].actor.id", equalTo(admin))
                .body("items[0].after.failure", containsString("503"));
        as("vest-hr").get(RUNS + "/mismatches").then().statusCode(200)
                .body("items.recordId", not(hasItem(n.recordId())));
    }

    @Test
    void aClosedPortIsRetriedAndTheRunFails() {
        Nurse n = nurse();
        HprRegisterStubResource.closePort();
        try {
            reconcile("vest-admin", n.employeeId()).statusCode(201).body("status", equalTo("FAILED"))
                    .body("checked", equalTo(0)).body("errors", equalTo(1))
                    .body("failure", containsString("unreachable"));
        } finally {
            HprRegisterStubResource.reopen();
        }
        assertThat(checkedAt(n.recordId())).isNull();
    }

    @Test
    void onlyAdminsStartRunsAndAForeignEmployeeIsNotFound() {
        Nurse n = nurse();
        stub().person(n.hprNumber(), "SP", "AUTHORISATION", "VALID", today().minusYears(6), null);
        reconcile("vest-hr", n.employeeId()).statusCode(403);
        reconcile("vest-auditor", n.employeeId()).statusCode(403);
        reconcile("vest-employee", n.employeeId()).statusCode(403);
        reconcile("sorost-admin", n.employeeId()).statusCode(404)
                .contentType(containsString("application/problem+json"));
        reconcile("sorost-admin", UUID.randomUUID().toString()).statusCode(404);
        String run = reconcile("vest-national", n.employeeId()).statusCode(201)
                .body("rhf", equalTo("helse-vest")).extract().path("id");

        as("sorost-admin").get(RUNS + "/" + run).then().statusCode(404);
        as("sorost-auditor").get(RUNS).then().statusCode(200).body("items.rhf", everyItem(equalTo("helse-sor-ost")))
                .body("items.id", not(hasItem(run)));
        as("vest-auditor").get(RUNS).then().statusCode(200).body("items.rhf", everyItem(equalTo("helse-vest")));
        as("vest-hr").get(RUNS).then().statusCode(403);
        as("sorost-hr").get(RUNS + "/mismatches").then().statusCode(200)
                .body("items.recordId", not(hasItem(n.recordId())));
    }

    @Test
    void badInputIsA400NamingTheField() {
        as("vest-admin").body(Map.of("employeeId", "not-a-uuid")).post(RUNS).then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        as("vest-admin").body(Map.of("unknown", true)).post(RUNS).then().statusCode(400)
                .body("violations.field", hasItem("unknown"));
        as("vest-national").body(Map.of("rhf", "helse-ukjent")).post(RUNS).then().statusCode(400)
                .body("violations.field", hasItem("rhf"));
        as("vest-auditor").get(RUNS + "?status=BOGUS").then().statusCode(400);
    }
}
