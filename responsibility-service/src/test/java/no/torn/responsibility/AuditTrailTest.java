package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static no.torn.responsibility.Fixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail is append-only in the database itself, whatever code runs against it. */
@QuarkusTest
class AuditTrailTest {

    @Test
    void databaseRefusesUpdateAndDeleteOfAuditRows() {
        Fixture.Basis basis = Fixture.basis(List.of("AUDIT"), List.of());
        String id = post("vest-leader", "/clarifications", Fixture.clarificationBody(basis, "audit-unit"))
                .statusCode(201).extract().path("id");
        assertThat(Db.count("select count(*) from audit_trail where entity_id = ?1", id)).isEqualTo(1);

        assertThatThrownBy(() -> Db.count(
                "with changed as (update audit_trail set actor_id = 'someone-else' where entity_id = ?1 returning 1) "
                        + "select count(*) from changed", id))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Db.count(
                "with gone as (delete from audit_trail where entity_id = ?1 returning 1) select count(*) from gone",
                id))
                .hasStackTraceContaining("append-only");
        assertThat(Db.count("select count(*) from audit_trail where entity_id = ?1 and actor_id <> 'someone-else'",
                id)).isEqualTo(1);
    }

    @Test
    void theServicesOwnAuditTableIsGone() {
        assertThat(Db.count("select count(*) from information_schema.tables where table_name = 'audit_entry'"))
                .isZero();
        assertThat(Db.count("select count(*) from information_schema.columns where column_name = 'idempotency_key'"
                + " and table_name in ('clarification', 'delegation')")).isZero();
    }
}
