package no.torn.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh PostgreSQL database for each test run: on the server at 127.0.0.1:5432 when it answers, otherwise on an
 * embedded PostgreSQL started in the test JVM. Unique names mean runs never collide and leftovers never matter.
 * <p>
 * Init arg {@code database}: the name prefix, e.g. {@code torn_competence}.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String HOST = System.getProperty("torn.test.pg-host", "127.0.0.1");
    private static final int PORT = Integer.getInteger("torn.test.pg-port", 5432);

    private String prefix = "torn_test";
    private String database;
    private String adminUrl;
    private EmbeddedPostgres embedded;

    @Override
    public void init(Map<String, String> initArgs) {
        prefix = initArgs.getOrDefault("database", prefix);
    }

    @Override
    public Map<String, String> start() {
        String user = "postgres";
        if (FreePort.isOpen(HOST, PORT)) {
            adminUrl = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        } else {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (Exception e) {
                throw new IllegalStateException("No PostgreSQL on " + HOST + ":" + PORT + " and embedded start failed", e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        database = prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
        execute("create database " + database);
        String url = adminUrl.replace("/postgres", "/" + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        try {
            if (database != null) {
                execute("drop database if exists " + database + " with (force)");
            }
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (Exception ignored) {
                    // the embedded server's files are temporary
                }
            }
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl, "postgres", "postgres")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
