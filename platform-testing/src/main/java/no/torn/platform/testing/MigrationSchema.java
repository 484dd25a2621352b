package no.torn.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database as an existing installation has it, for testing a migration: a throwaway schema in the test's
 * database, brought to an older version by running that version's migration scripts (classpath resources), dropped
 * again on close. Run the migration under test with {@link #run(String)} and inspect with {@link #sql()}.
 */
public final class MigrationSchema implements AutoCloseable {

    private final String name;
    private final Connection connection;
    private final Statement sql;

    private MigrationSchema(String url, String username, String password, String name) throws SQLException {
        this.name = name;
        this.connection = DriverManager.getConnection(url, username, password);
        this.sql = connection.createStatement();
        sql.execute("create schema " + name);
        sql.execute("set search_path to " + name);
    }

    /** A new schema in the database at {@code url} with {@code scripts} run in order. */
    public static MigrationSchema at(String url, String username, String password, String... scripts)
            throws SQLException {
        MigrationSchema schema = new MigrationSchema(url, username, password,
                "migration_" + Long.toHexString(System.nanoTime()));
        for (String script : scripts) {
            schema.run(script);
        }
        return schema;
    }

    public String name() {
        return name;
    }

    public Statement sql() {
        return sql;
    }

    /** Runs a migration script (a classpath resource such as {@code db/migration/V4__x.sql}). */
    public void run(String script) throws SQLException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalArgumentException("No migration script " + script + " on the classpath");
            }
            sql.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a query answers, e.g. a count. */
    public long number(String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            sql.execute("set search_path to public");
            sql.execute("drop schema if exists " + name + " cascade");
        } finally {
            sql.close();
            connection.close();
        }
    }
}
