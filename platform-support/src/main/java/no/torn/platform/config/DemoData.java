package no.torn.platform.config;

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
import java.util.List;
import java.util.Optional;

/**
 * Loads a service's demo data scripts ({@code torn.demo-data.scripts}, set in the {@code demo} profile) at start-up.
 * Flyway locations are fixed when the application is built, so demo data cannot come from a profile-specific
 * migration location; the scripts must be repeatable, since every start of a demo instance runs them.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    @ConfigProperty(name = "torn.demo-data.scripts")
    Optional<List<String>> scripts;

    @Inject
    EntityManager em;

    void onStart(@Observes StartupEvent event) {
        scripts.ifPresent(list -> list.forEach(script -> {
            QuarkusTransaction.requiringNew().run(() -> load(script));
            LOG.infof("Demo data %s loaded", script);
        }));
    }

    /** Runs one classpath script in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void load(String script) {
        String sql = read(script);
        em.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        });
    }

    private static String read(String script) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException(script + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
