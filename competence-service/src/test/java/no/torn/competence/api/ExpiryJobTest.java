package no.torn.competence.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.competence.Api;
import no.torn.competence.TestClock;
import no.torn.competence.domain.ExpiryJob;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static no.torn.competence.Api.ROOT;
import static no.torn.competence.Api.as;
import static no.torn.competence.Api.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class ExpiryJobTest {

    @Inject
    ExpiryJob job;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @AfterEach
    void resetClock() {
        TestClock.INSTANCE.reset();
    }

    @Test
    void announcesEachThresholdOnceThenExpires() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Api.createRecord("vest-hr", employee, "HLR", today().minusMonths(9), today().plusDays(100));

        TestClock.INSTANCE.moveTo(Duration.ofDays(11));          // 89 days left: the 90-day notice
        job.run();
        job.run();                                                // a second run the same day announces nothing new
        TestClock.INSTANCE.moveTo(Duration.ofDays(76));          // 24 days left: the 30-day notice
        job.run();
        List<JsonNode> expiring = Api.events(bootstrap, id, "record-expiring", 2);
        assertThat(expiring).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(90, 30);
        assertThat(expiring.get(0).path("data").path("status").asText()).isEqualTo("ACTIVE");

        TestClock.INSTANCE.moveTo(Duration.ofDays(101));         // validUntil has passed
        job.run();
        JsonNode expired = Api.event(bootstrap, id, "record-expired");
        assertThat(expired.path("data").path("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.path("data").path("competenceCode").asText()).isEqualTo("HLR");
        assertThat(expired.path("data").path("personnelGroup").asText()).isEqualTo("sykepleier");
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200)
                .body("status", equalTo("EXPIRED")).body("valid", equalTo(false));
        as("vest-auditor").get(ROOT + "/records/" + id + "/history").then().statusCode(200)
                .body("[-1].action", equalTo("EXPIRED")).body("[-1].actor", equalTo("expiry-job"));
    }

    @Test
    void aLateFirstRunAnnouncesOnlyTheTightestThresholdAndRenewalStartsOver() {
        String employee = Api.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Api.createRecord("vest-hr", employee, "LEGEMIDDELHANDTERING", today().minusMonths(20),
                today().plusDays(5));
        job.run();
        List<JsonNode> first = Api.events(bootstrap, id, "record-expiring", 1);
        assertThat(first).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(7);

        as("vest-hr").body(java.util.Map.of("validUntil", today().plusDays(60).toString(), "version", 0,
                        "evidence", java.util.Map.of("documentReference", "RENEWED")))
                .put(ROOT + "/records/" + id).then().statusCode(200);
        job.run();
        List<JsonNode> after = Api.events(bootstrap, id, "record-expiring", 2);
        assertThat(after).extracting(e -> e.path("data").path("thresholdDays").asInt()).containsExactly(7, 90);
    }
}
