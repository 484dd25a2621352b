package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import no.torn.platform.testing.MigrationSchema;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V2 moves the service's own audit lines into the platform trail before dropping the old table: run on a schema at
 * V1 with lines in it, as an existing database is.
 */
@QuarkusTest
class AuditMigrationTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void oldAuditLinesAreCopiedIntoThePlatformTrailAndTheOldTableIsDropped() throws Exception {
        UUID clarification = UUID.randomUUID();
        UUID employee = UUID.randomUUID();
        try (MigrationSchema db = MigrationSchema.at(url, username, password,
                "db/platform/V0_1__platform_outbox_and_inbox.sql",
                "db/platform/V0_2__platform_idempotency_and_audit.sql",
                "db/migration/V1__responsibility.sql")) {
            Statement sql = db.sql();
            sql.execute("insert into audit_entry (rhf, hf, entity_type, entity_id, action, from_status, to_status,"
                    + " actor, reason, at) values"
                    + " ('helse-vest', 'helse-bergen', 'CLARIFICATION', '" + clarification + "', 'CREATED', null,"
                    + " 'DRAFT', 'subject-1', null, '2025-03-01T10:00:00Z'),"
                    + " ('helse-vest', 'helse-bergen', 'CLARIFICATION', '" + clarification + "', 'SUBMITTED',"
                    + " 'DRAFT', 'SUBMITTED', 'subject-1', 'Klar', '2025-03-01T11:00:00Z'),"
                    + " ('helse-vest', 'helse-bergen', 'EMPLOYEE', '" + employee + "', 'VIEWED', null, null,"
                    + " 'subject-2', 'authorisations read', '2025-03-02T09:00:00Z')");

            db.run("db/migration/V2__platform_audit_and_idempotency.sql");

            List<String> lines = new ArrayList<>();
            try (ResultSet rs = sql.executeQuery("select action, entity_type, entity_id, actor_id,"
                    + " coalesce(actor_name, '-'), coalesce(actor_role, '-'), coalesce(before_state::text, '-'),"
                    + " coalesce(after_state::text, '-'), coalesce(reason, '-'), rhf, hf, at"
                    + " from audit_trail order by id")) {
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= 12; i++) {
                        line.append(i > 1 ? "|" : "").append(rs.getString(i));
                    }
                    lines.add(line.toString());
                }
            }
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0)).startsWith("CREATED|CLARIFICATION|" + clarification
                    + "|subject-1|-|-|-|{\"status\": \"DRAFT\"}|-|helse-vest|helse-bergen|");
            assertThat(lines.get(1)).startsWith("SUBMITTED|CLARIFICATION|" + clarification
                    + "|subject-1|-|-|{\"status\": \"DRAFT\"}|{\"status\": \"SUBMITTED\"}|Klar|helse-vest|");
            assertThat(lines.get(2)).startsWith("VIEWED|EMPLOYEE|" + employee
                    + "|subject-2|-|-|-|-|authorisations read|");
            assertThat(db.number("select count(*) from information_schema.tables where table_schema = '"
                    + db.name() + "' and table_name = 'audit_entry'")).isZero();
            assertThat(db.number("select count(*) from information_schema.columns where table_schema = '"
                    + db.name() + "' and column_name = 'idempotency_key'")).isZero();
        }
    }
}
