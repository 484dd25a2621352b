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
        java.util.UUID uuid = java.util.UUID.fromString(id);
        assertThat(Db.count("select count(*) from audit_entry where entity_id = ?1", uuid)).isEqualTo(1);

        assertThatThrownBy(() -> Db.count(
                "with changed as (update audit_entry set actor = 'someone-else' where entity_id = ?1 returning 1) "
                        + "select count(*) from changed", uuid))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> Db.count(
                "with gone as (delete from audit_entry where entity_id = ?1 returning 1) select count(*) from gone",
                uuid))
                .hasStackTraceContaining("append-only");
        assertThat(Db.count("select count(*) from audit_entry where entity_id = ?1 and actor <> 'someone-else'",
                uuid)).isEqualTo(1);
    }
}
