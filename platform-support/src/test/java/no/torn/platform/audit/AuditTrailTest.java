package no.torn.platform.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.platform.api.PageRequest;
import no.torn.platform.application.Actor;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Roles;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class AuditTrailTest {

    @Inject
    AuditTrail trail;

    @Inject
    AuditLog log;

    @Inject
    EntityManager em;

    private static Actor actor(String rhf, String role) {
        return new Actor("sub-" + role, "Kari " + role, role, "torn-cli", rhf, null, null, Set.of(role));
    }

    private AuditLog.Query about(String id) {
        return new AuditLog.Query(null, "PROBE", id, null, null, null);
    }

    @Test
    void aLineNamesWhoWithRoleWhatAndBeforeAfter() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> trail.record(actor("helse-vest", Roles.RHF_ADMIN),
                new Audited("PROBE", id, "helse-vest", "helse-bergen"), "APPROVED", Map.of("status", "SUBMITTED"),
                Map.of("status", "APPROVED"), "r".repeat(1500)));
        var page = log.list(actor("helse-vest", Roles.AUDITOR), about(id), PageRequest.of(0, 10));
        assertThat(page.items()).hasSize(1);
        AuditLog.View line = page.items().get(0);
        assertThat(line.actor()).isEqualTo(new AuditLog.ActorView("sub-rhf-admin", "Kari rhf-admin", "rhf-admin"));
        assertThat(line.action()).isEqualTo("APPROVED");
        assertThat(line.hf()).isEqualTo("helse-bergen");
        assertThat(line.before().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(line.after().get("status").asText()).isEqualTo("APPROVED");
        assertThat(line.reason()).hasSize(1000).endsWith("...");
        assertThat(line.at()).isNotNull();
    }

    @Test
    void readersSeeOnlyTheirRhfUnlessNational() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> trail.record(actor("helse-vest", Roles.RHF_ADMIN),
                Audited.of("PROBE", id, "helse-vest"), "CREATED", null, Map.of("x", 1), null));
        assertThat(log.list(actor("helse-sor-ost", Roles.AUDITOR), about(id), PageRequest.of(0, 10)).items())
                .isEmpty();
        assertThat(log.list(actor("helse-sor-ost", Roles.NATIONAL_ADMIN), about(id), PageRequest.of(0, 10))
                .items()).hasSize(1);
        assertThatThrownBy(() -> log.list(actor("helse-sor-ost", Roles.AUDITOR),
                new AuditLog.Query("helse-vest", null, null, null, null, null), PageRequest.of(0, 10)))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(403));
    }

    @Test
    void theTrailIsAppendOnly() {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> trail.record(actor("helse-vest", Roles.RHF_ADMIN),
                Audited.of("PROBE", id, "helse-vest"), "CREATED", null, null, null));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update audit_trail set action = 'FORGED' where entity_id = ?1").setParameter(1, id).executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from audit_trail where entity_id = ?1").setParameter(1, id).executeUpdate()))
                .hasStackTraceContaining("append-only");
    }
}
