package no.torn.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import no.torn.platform.testing.EventSchemas;
import no.torn.platform.config.DemoData;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo profile's task catalogue loads against the real schema; the test runs it in a transaction that is rolled
 * back, so the other tests never see it.
 */
@QuarkusTest
class DemoCatalogueTest {

    @Inject
    EntityManager em;

    @Inject
    UserTransaction transaction;

    @Inject
    DemoData demoData;

    @Test
    void demoScriptLoadsANationalCatalogueAndAnnouncesIt() throws Exception {
        List<String> found = new ArrayList<>();
        transaction.begin();
        try {
            demoData.load("demo/task-catalogue.sql");
            // Every start of a demo instance runs it again: nothing is added twice.
            demoData.load("demo/task-catalogue.sql");
            em.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    try (ResultSet rs = statement.executeQuery("""
                            select (select count(*) from task where created_by = 'demo-data' and rhf is null),
                                   (select string_agg(c.competence_code, ',' order by c.competence_code)
                                    from task t join task_required_competence c on c.task_id = t.id
                                    where t.code = 'MED-DISPENSING'),
                                   (select count(*) from outbox_event where event_type = 'no.torn.task.task-registered.v1'
                                    and envelope -> 'data' ->> 'code' = 'MED-DISPENSING'),
                                   (select envelope::text from outbox_event where subject = 'MED-DISPENSING')""")) {
                        rs.next();
                        found.add(rs.getString(1));
                        found.add(rs.getString(2));
                        found.add(rs.getString(3));
                        found.add(rs.getString(4));
                    }
                }
            });
        } finally {
            transaction.rollback();
        }
        assertThat(Integer.parseInt(found.get(0))).isGreaterThanOrEqualTo(30);
        assertThat(found.get(1)).isEqualTo("AUT-HELSEFAGARBEIDER,LEGEMIDDELHANDTERING");
        assertThat(found.get(2)).isEqualTo("1");
        JsonNode event = new ObjectMapper().readTree(found.get(3));
        EventSchemas.assertValid(Path.of("src/main/resources/META-INF/resources/events/schemas/task-registered.v1.json"),
                event);
        assertThat(event.path("data").path("requiredCompetences").toString())
                .isEqualTo("[\"AUT-HELSEFAGARBEIDER\",\"LEGEMIDDELHANDTERING\"]");
    }
}
