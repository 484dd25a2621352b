package no.torn.competence.migration;

import no.torn.platform.testing.PostgresResource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V4 moves the records' change history into the platform audit trail: a database at V3 with history rows is
 * migrated, and every row becomes an audit line whose before/after give the same changes.
 */
class RecordHistoryMigrationTest {

    static final PostgresResource POSTGRES = new PostgresResource();
    static Map<String, String> config;
    /** The outbox addressing of the per-RHF event bus; the V7 back-fill resolves it per type as the Outbox does. */
    static final String TOPIC_TEMPLATE = "torn.{rhf}.competence.v1";

    static final UUID EMPLOYEE = UUID.randomUUID();
    static final UUID RECORD = UUID.randomUUID();

    @BeforeAll
    static void aDatabaseAtV3WithHistory() throws SQLException {
        POSTGRES.init(Map.of("database", "torn_competence_migration"));
        config = POSTGRES.start();
        flyway("3").migrate();
        try (Connection c = connect()) {
            execute(c, "insert into employee (id, rhf, hf, unit, employee_number, name, personnel_group, status, "
                    + "version, created_at, created_by, updated_at, updated_by) values ('" + EMPLOYEE
                    + "', 'helse-vest', 'helse-bergen', 'akutt', 'V1', 'Kari', 'sykepleier', 'ACTIVE', 0, now(), "
                    + "'hr', now(), 'hr')");
            execute(c, "insert into competence_record (id, employee_id, rhf, hf, unit, employee_number, type_code, "
                    + "acquired_on, valid_until, source, trust_level, status, revocation_reason, version, created_at, "
                    + "created_by, updated_at, updated_by) values ('" + RECORD + "', '" + EMPLOYEE + "', 'helse-vest', "
                    + "'helse-bergen', 'akutt', 'V1', 'HLR', '2024-01-10', '2025-01-10', 'MANUAL', 'SELF_DECLARED', "
                    + "'REVOKED', 'withdrawn', 3, now(), 'hr', now(), 'hr')");
            history(c, "2024-01-10T10:00:00Z", "subject-hr", "REGISTERED",
                    "{\"competenceCode\": {\"from\": null, \"to\": \"HLR\"}, "
                            + "\"validUntil\": {\"from\": null, \"to\": \"2025-01-10\"}}");
            history(c, "2025-01-11T00:30:00Z", "expiry-job", "EXPIRED",
                    "{\"status\": {\"from\": \"ACTIVE\", \"to\": \"EXPIRED\"}}");
            history(c, "2025-02-01T09:00:00Z", "subject-admin", "REVOKED",
                    "{\"status\": {\"from\": \"EXPIRED\", \"to\": \"REVOKED\"}, "
                            + "\"revocationReason\": {\"from\": null, \"to\": \"withdrawn\"}}");
            execute(c, "insert into idempotency_key (actor, key, resource_type, resource_id, created_at) "
                    + "values ('subject-hr', 'k1', 'record', '" + RECORD + "', now())");
        }
        flyway(null).migrate();
    }

    @AfterAll
    static void dropTheDatabase() {
        POSTGRES.stop();
    }

    @Test
    void everyHistoryRowIsAnAuditLineInOrder() throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                select action, actor_id, coalesce(actor_name, '-'), coalesce(actor_role, '-'), rhf, hf, entity_type,
                       entity_id, before_state::text, after_state::text, coalesce(reason, '-')
                from audit_trail order by id""")) {
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= 11; i++) {
                    cells.add(rs.getString(i));
                }
                lines.add(String.join(" | ", cells));
            }
        }
        String entity = "helse-vest | helse-bergen | COMPETENCE_RECORD | " + RECORD;
        assertThat(lines).containsExactly(
                "REGISTERED | subject-hr | - | - | " + entity + " | null"
                        + " | {\"validUntil\": \"2025-01-10\", \"competenceCode\": \"HLR\"} | -",
                "EXPIRED | system:expiry-job | expiry-job | system | " + entity
                        + " | {\"status\": \"ACTIVE\"} | {\"status\": \"EXPIRED\"} | -",
                "REVOKED | subject-admin | - | - | " + entity
                        + " | {\"status\": \"EXPIRED\", \"revocationReason\": null}"
                        + " | {\"status\": \"REVOKED\", \"revocationReason\": \"withdrawn\"} | withdrawn");
    }

    @Test
    void v7AnnouncesEveryTypeOnceInTheOutboxsEnvelope() throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                select (select count(*) from competence_type),
                       (select count(*) from outbox_event
                        where event_type = 'no.torn.competence.competence-type-defined.v1'),
                       (select count(distinct subject) from outbox_event
                        where event_type = 'no.torn.competence.competence-type-defined.v1'),
                       o.topic, o.rhf, o.id::text = o.envelope ->> 'id', o.envelope ->> 'specversion',
                       o.envelope ->> 'source', o.envelope ->> 'subject', o.envelope ->> 'rhf',
                       o.envelope -> 'data' ->> 'rhf', o.envelope -> 'data' -> 'authorisesGroups',
                       o.envelope -> 'data' ->> 'status', o.envelope -> 'data' ->> 'version', o.sent_at is null
                from outbox_event o
                where o.event_type = 'no.torn.competence.competence-type-defined.v1' and o.subject = 'AUT-LEGE'""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isGreaterThan(20);
            assertThat(rs.getInt(2)).isEqualTo(rs.getInt(1));
            assertThat(rs.getInt(3)).isEqualTo(rs.getInt(1));
            assertThat(rs.getString(4)).isEqualTo("torn.national.competence.v1");
            assertThat(rs.getString(5)).isEqualTo("national");
            assertThat(rs.getBoolean(6)).isTrue();
            assertThat(rs.getString(7)).isEqualTo("1.0");
            assertThat(rs.getString(8)).isEqualTo("/torn/competence-service");
            assertThat(rs.getString(9)).isEqualTo("AUT-LEGE");
            assertThat(rs.getString(10)).isEqualTo("national");
            assertThat(rs.getString(11)).isEqualTo("national");
            assertThat(rs.getString(12)).isEqualTo("[\"lege\", \"lis\"]");
            assertThat(rs.getString(13)).isEqualTo("ACTIVE");
            assertThat(rs.getString(14)).isEqualTo("0");
            assertThat(rs.getBoolean(15)).isTrue();
        }
    }

    @Test
    void theOldTablesAreGone() throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                select count(*) from information_schema.tables
                where table_name in ('record_history', 'idempotency_key')""")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    private static Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(config.get("quarkus.datasource.jdbc.url"), config.get("quarkus.datasource.username"),
                        config.get("quarkus.datasource.password"))
                .locations("classpath:db/platform", "classpath:db/migration")
                .placeholders(Map.of("outbox_topic", TOPIC_TEMPLATE, "outbox_source", "/torn/competence-service"))
                .outOfOrder(true);
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        c.createStatement().execute(sql);
    }

    private static void history(Connection c, String at, String actor, String action, String changes)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into record_history (id, record_id, rhf, at, actor, action, changes)
                values (?, ?, 'helse-vest', cast(? as timestamptz), ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, RECORD);
            insert.setString(3, at);
            insert.setString(4, actor);
            insert.setString(5, action);
            insert.setString(6, changes);
            insert.executeUpdate();
        }
    }
}
