package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.MigrationSchema;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * V4 starts the competence record history: run on a schema at V3 with records in the view, as an existing database
 * is, every record gets one row with what it says and its last update as the time it was known from.
 */
@QuarkusTest
class CompetenceHistoryMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void everyExistingRecordGetsOneHistoryRowThatCannotBeChanged() throws Exception {
        UUID record = UUID.randomUUID();
        UUID employee = UUID.randomUUID();
        try (MigrationSchema db = MigrationSchema.at(url, username, password,
                "db/platform/V0_1__platform_outbox_and_inbox.sql",
                "db/platform/V0_2__platform_idempotency_and_audit.sql",
                "db/migration/V1__responsibility.sql", "db/migration/V2__platform_audit_and_idempotency.sql",
                "db/migration/V3__sharing_decision.sql")) {
            Statement sql = db.sql();
            sql.execute("insert into competence_record_view (record_id, employee_id, rhf, hf, unit,"
                    + " personnel_group, competence_code, implied_codes, acquired_on, valid_until, status,"
                    + " trust_level, reason, source_version, updated_at) values ('" + record + "', '" + employee
                    + "', 'helse-vest', 'helse-bergen', 'akuttmottak', 'helsefagarbeider', 'MED-ADM',"
                    + " '[\"MED-CALC\"]', '2024-01-15', '2027-01-14', 'ACTIVE', 'VERIFIED', null, 3,"
                    + " '2025-03-01T10:00:00Z')");

            db.run("db/migration/V4__competence_record_history.sql");

            try (ResultSet rs = sql.executeQuery("select record_id, employee_id, source_version,"
                    + " competence_code, implied_codes::text, acquired_on, valid_until, status, trust_level,"
                    + " recorded_at = timestamptz '2025-03-01T10:00:00Z' from competence_record_history")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(record.toString());
                assertThat(rs.getString(2)).isEqualTo(employee.toString());
                assertThat(rs.getLong(3)).isEqualTo(3);
                assertThat(rs.getString(4)).isEqualTo("MED-ADM");
                assertThat(rs.getString(5)).isEqualTo("[\"MED-CALC\"]");
                assertThat(rs.getString(6)).isEqualTo("2024-01-15");
                assertThat(rs.getString(7)).isEqualTo("2027-01-14");
                assertThat(rs.getString(8)).isEqualTo("ACTIVE");
                assertThat(rs.getString(9)).isEqualTo("VERIFIED");
                assertThat(rs.getBoolean(10)).isTrue();
                assertThat(rs.next()).isFalse();
            }
            assertThatThrownBy(() -> sql.execute("update competence_record_history set status = 'REVOKED'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.execute("delete from competence_record_history"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }
}
