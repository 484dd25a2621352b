package no.torn.task.config;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

/**
 * Loads the demo national task catalogue when {@code torn.demo-data.enabled} is set (profile {@code demo}). Flyway
 * locations are fixed when the application is built, so demo data is loaded here at start-up instead of through a
 * profile-specific migration location; the script is idempotent, so every start may run it.
 */
@ApplicationScoped
public class DemoCatalogue {

    static final String SCRIPT = "demo/task-catalogue.sql";
    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class);

    @ConfigProperty(name = "torn.demo-data.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            QuarkusTransaction.requiringNew().run(this::load);
            LOG.info("Demo task catalogue loaded");
        }
    }

    /** Runs the catalogue script in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load() {
        String script = script();
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(script);
            }
        });
    }

    private static String script() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
