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
        execute(adminUrl, "create database " + database);
        String url = adminUrl.replace("/postgres", "/" + database);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", "postgres");
    }

    /**
     * Drops the database when the test JVM ends, not now: under {@code @QuarkusIntegrationTest} Quarkus stops the
     * test resources before the application it launched (which then still polls its outbox and, in a training run,
     * writes its AOT cache), and a database dropped under a running application only fills the log with failed
     * rollbacks. By the end of the JVM every application it launched has stopped.
     */
    @Override
    public void stop() {
        String dropped = database;
        String url = adminUrl;
        EmbeddedPostgres server = embedded;
        database = null;
        embedded = null;
        if (dropped == null && server == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                if (dropped != null) {
                    execute(url, "drop database if exists " + dropped + " with (force)");
                }
            } catch (IllegalStateException e) {
                System.err.println("Test database " + dropped + " left behind: " + e.getCause());
            } finally {
                if (server != null) {
                    try {
                        server.close();
                    } catch (Exception ignored) {
                        // the embedded server's files are temporary
                    }
                }
            }
        }, "drop-" + dropped));
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }
}
