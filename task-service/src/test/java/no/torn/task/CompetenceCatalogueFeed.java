package no.torn.task;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.util.List;

/**
 * When the application under test starts (after its consumers): announces, through the real broker, the competence
 * types the tests' tasks and mappings require (competence-service's seeded national catalogue and the test
 * catalogue's own codes), as competence-service would, and waits until task-service has applied them. The task
 * catalogue refuses unknown codes (R-CAT-01).
 */
@ApplicationScoped
public class CompetenceCatalogueFeed {

    /** competence-service's seeded national catalogue (its V2 migration). */
    public static final List<String> SEEDED = List.of("AUT-LEGE", "AUT-SYKEPLEIER", "AUT-JORDMOR",
            "AUT-HELSEFAGARBEIDER", "AUT-HELSESEKRETAER", "AUT-FYSIOTERAPEUT", "AUT-ERGOTERAPEUT", "AUT-FARMASOYT",
            "AUT-BIOINGENIOR", "SPES-INTENSIV", "SPES-ANESTESI", "SPES-OPERASJON", "SPES-BARN", "SPES-AKUTT",
            "SPES-LEGE", "UTD-SYKEPLEIE", "UTD-HELSEFAG", "HLR", "AHLR", "LEGEMIDDELHANDTERING", "SMITTEVERN",
            "FORFLYTNING", "MATHYGIENE", "BLODPROVE", "PVK", "EKG", "PASIENTTRANSPORT");

    /** National types the tests require beyond the seeded ones. */
    public static final List<String> TEST_TYPES = List.of("LEGEMIDDELKURS-HFA", "ADHD-OPPFOLGING", "NATTEVAKT",
            "HYGIENEKURS", "MED-ADM", "MED-HFA", "PASIENTFORFLYTNING");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    DataSource db;

    void feed(@Observes StartupEvent started) throws Exception {
        CompetenceFeed feed = new CompetenceFeed(bootstrap);
        SEEDED.forEach(code -> feed.typeDefined(code, "national", "ACTIVE", 0));
        TEST_TYPES.forEach(code -> feed.typeDefined(code, "national", "ACTIVE", 0));
        feed.flush();
        feed.awaitApplied(db);
    }
}
