package no.torn.responsibility;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
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
        String schema = "v1_database_" + Long.toHexString(System.nanoTime());
        UUID clarification = UUID.randomUUID();
        UUID employee = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url, username, password);
             Statement sql = connection.createStatement()) {
            try {
                sql.execute("create schema " + schema);
                sql.execute("set search_path to " + schema);
                for (String script : List.of("db/platform/V0_1__platform_outbox_and_inbox.sql",
                        "db/platform/V0_2__platform_idempotency_and_audit.sql", "db/migration/V1__responsibility.sql")) {
                    sql.execute(script(script));
                }
                sql.execute("insert into audit_entry (rhf, hf, entity_type, entity_id, action, from_status, to_status,"
                        + " actor, reason, at) values"
                        + " ('helse-vest', 'helse-bergen', 'CLARIFICATION', '" + clarification + "', 'CREATED', null,"
                        + " 'DRAFT', 'subject-1', null, '2025-03-01T10:00:00Z'),"
                        + " ('helse-vest', 'helse-bergen', 'CLARIFICATION', '" + clarification + "', 'SUBMITTED',"
                        + " 'DRAFT', 'SUBMITTED', 'subject-1', 'Klar', '2025-03-01T11:00:00Z'),"
                        + " ('helse-vest', 'helse-bergen', 'EMPLOYEE', '" + employee + "', 'VIEWED', null, null,"
                        + " 'subject-2', 'authorisations read', '2025-03-02T09:00:00Z')");

                sql.execute(script("db/migration/V2__platform_audit_and_idempotency.sql"));

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
                assertThat(count(sql, "select count(*) from information_schema.tables where table_schema = '"
                        + schema + "' and table_name = 'audit_entry'")).isZero();
                assertThat(count(sql, "select count(*) from information_schema.columns where table_schema = '"
                        + schema + "' and column_name = 'idempotency_key'")).isZero();
            } finally {
                sql.execute("set search_path to public");
                sql.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String script(String resource) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
