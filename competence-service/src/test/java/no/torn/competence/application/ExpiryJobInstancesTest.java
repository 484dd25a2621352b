package no.torn.competence.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.competence.Fixtures;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.testing.AnotherInstance;
import no.torn.platform.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static no.torn.competence.Fixtures.ROOT;
import static no.torn.competence.Fixtures.today;
import static no.torn.platform.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The expiry job fires in every instance of competence-service and runs in one: while another instance holds the
 * job (its advisory lock, on a session of its own), this instance's run does nothing; the next run does the work.
 */
@QuarkusTest
class ExpiryJobInstancesTest {

    @Inject
    ExpiryJob job;

    @Inject
    SingleRun single;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void whileAnotherInstanceRunsTheJobThisOneSkipsItsRound() throws Exception {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        String id = Fixtures.createRecord("vest-hr", employee, "HLR", today().minusMonths(9), today().plusDays(1));
        TestClock.shift(Duration.ofDays(3));

        AnotherInstance otherInstance = AnotherInstance.holding(work -> single.run("competence-expiry", work));
        job.scheduled();
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200).body("status", equalTo("ACTIVE"));

        assertThat(otherInstance.release()).isTrue();
        job.scheduled();
        as("vest-hr").get(ROOT + "/records/" + id).then().statusCode(200).body("status", equalTo("EXPIRED"));
    }
}
