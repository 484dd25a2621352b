package no.torn.responsibility.application;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.testing.AnotherInstance;
import no.torn.platform.testing.TestClock;
import no.torn.responsibility.Fixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static no.torn.responsibility.Fixture.clarificationBody;
import static no.torn.responsibility.Fixture.get;
import static no.torn.responsibility.Fixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The review-date job fires in every instance of responsibility-service and runs in one: while another instance
 * holds it (its advisory lock, on a session of its own), this instance's run does nothing; the next run does it.
 */
@QuarkusTest
class LapseJobInstancesTest {

    @Inject
    LapseJob job;

    @Inject
    SingleRun single;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void whileAnotherInstanceRunsTheJobThisOneSkipsItsRound() throws Exception {
        String code = Fixture.code("instances");
        Fixture.Basis basis = Fixture.basis(List.of(code), List.of());
        Map<String, Object> body = clarificationBody(basis, Fixture.UNIT);
        body.put("reviewDate", LocalDate.now().plusDays(1).toString());
        String id = post("vest-leader", "/clarifications", body).statusCode(201).extract().path("id");
        post("vest-leader", "/clarifications/" + id + "/submit", Map.of("version", 0)).statusCode(200);
        post("vest-leader2", "/clarifications/" + id + "/approve", Map.of("version", 1)).statusCode(200);
        TestClock.shift(Duration.ofDays(3));

        AnotherInstance otherInstance = AnotherInstance.holding(work -> single.run("responsibility-lapse", work));
        job.scheduled();
        get("vest-leader", "/clarifications/" + id).statusCode(200).body("status", equalTo("ACTIVE"));

        assertThat(otherInstance.release()).isTrue();
        job.scheduled();
        get("vest-leader", "/clarifications/" + id).statusCode(200).body("status", equalTo("LAPSED"));
    }
}
