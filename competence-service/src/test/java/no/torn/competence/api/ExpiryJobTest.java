package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.competence.Fixtures;
import no.torn.competence.application.ExpiryJob;
import no.torn.platform.testing.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A record 100 days from its end: announced at 90 and 30 days, once each, then expired by the job. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExpiryJobTest {

    @Inject
    ExpiryJob job;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    String id;

    /** Runs once, before the first step (the HTTP port is known only per test). */
    @BeforeEach
    void aCourseWithAHundredDaysLeft() {
        if (id != null) {
            return;
        }
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        id = Fixtures.createRecord("vest-hr", employee, "HLR", today().minusMonths(9), today().plusDays(100));
    }

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    @Order(1)
    void eachThresholdIsAnnouncedOnce() {
        TestClock.shift(Duration.ofDays(11));           // 89 days left: the 90-day notice
        job.run();
        job.run();                                      // a second run the same day announces nothing new
        TestClock.shift(Duration.ofDays(76));           // 24 days left: the 30-day notice
        job.run();
        List<JsonNode> expiring = Fixtures.events(bootstrap, id, "record-expiring", 2);
        assertThat(expiring).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(90, 30);
        assertThat(expiring.get(0).path("data").path("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void pastValidUntilTheJobExpiresTheRecordAndPublishesIt() {
        TestClock.shift(Duration.ofDays(101));
        job.run();
        JsonNode expired = Fixtures.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("data").path("competenceCode").asText()).isEqualTo("HLR");
        assertThat(expired.path("data").path("personnelGroup").asText()).isEqualTo("sykepleier");
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("valid", equalTo(false));
    }

    @Test
    @Order(3)
    void theExpiryIsAuditedAsTheSystem() {
        as("vest-auditor").get(ROOT + "/records/" + id + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("EXPIRED"))
                .body("[-1].actor.id", equalTo("system:expiry-job"))
                .body("[-1].actor.name", equalTo("expiry-job"))
                .body("[-1].actor.role", equalTo("system"))
                .body("[-1].changes.status.from", equalTo("ACTIVE"))
                .body("[-1].changes.status.to", equalTo("EXPIRED"));
    }

    @Test
    @Order(4)
    void aLateFirstRunAnnouncesOnlyTheTightestThresholdAndRenewalStartsOver() {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String record = Fixtures.createRecord("vest-hr", employee, "LEGEMIDDELHANDTERING", today().minusMonths(20),
                today().plusDays(5));
        job.run();
        List<JsonNode> first = Fixtures.events(bootstrap, record, "record-expiring", 1);
        assertThat(first).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(7);

        as("vest-hr").body(Map.of("validUntil", today().plusDays(60).toString(), "version", 0,
                        "evidence", Map.of("documentReference", "RENEWED")))
                .put(ROOT + "/records/" + record).then().statusCode(200);
        job.run();
        List<JsonNode> after = Fixtures.events(bootstrap, record, "record-expiring", 2);
        assertThat(after).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(7, 90);
    }
}
