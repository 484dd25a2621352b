package no.torn.competence.register;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.competence.Fixtures;
import no.torn.competence.application.register.RegisterReconciliation;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.testing.AnotherInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static no.torn.competence.Fixtures.today;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly reconciliation fires in every instance of competence-service and runs in one: while another instance
 * holds the job (its advisory lock), this instance's round records no run; the next round runs once per RHF. HPR is
 * down here, so the round changes no record: Helse Vest's run fails, the RHFs with nobody to ask complete.
 */
@QuarkusTest
class RegisterReconciliationJobInstancesTest {

    @Inject
    RegisterReconciliation job;

    @Inject
    SingleRun single;

    @Inject
    EntityManager em;

    @AfterEach
    void registerUpAgain() {
        HprRegisterStubResource.stub().reset();
    }

    private List<?> scheduledRuns() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select rhf, status from register_reconciliation_run where trigger = 'SCHEDULED' order by started_at""")
                .getResultList());
    }

    @Test
    void whileAnotherInstanceRunsTheJobThisOneSkipsItsRound() throws Exception {
        String employee = Fixtures.createEmployee("vest-hr", "helse-bergen", "akutt", "sykepleier");
        Fixtures.createRecord("vest-hr", employee, "AUT-SYKEPLEIER", today().minusYears(2), null);
        HprRegisterStubResource.stub().down(true);
        int before = scheduledRuns().size();

        AnotherInstance otherInstance = AnotherInstance.holding(work -> single.run("hpr-reconciliation", work));
        job.scheduled();
        assertThat(scheduledRuns()).hasSize(before);

        assertThat(otherInstance.release()).isTrue();
        job.scheduled();
        List<?> runs = scheduledRuns();
        assertThat(runs).hasSize(before + 4);
        List<String> round = runs.subList(before, runs.size()).stream()
                .map(r -> ((Object[]) r)[0] + ":" + ((Object[]) r)[1]).toList();
        assertThat(round).contains("helse-vest:FAILED");
        assertThat(round).allMatch(r -> r.endsWith(":FAILED") || r.endsWith(":COMPLETED"));
    }
}
