package no.torn.competence.application.register;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.competence.domain.register.HealthPersonnelRegister;
import no.torn.competence.domain.register.ReconciliationRun;
import no.torn.competence.domain.register.RegisterPerson;
import no.torn.competence.domain.register.RegisterUnavailable;
import no.torn.competence.domain.register.RunStatus;
import no.torn.platform.application.Actor;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.tenancy.HealthRegion;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reconciles authorisation records with Helsepersonellregisteret (HPR): nightly for every RHF (one run each, in one
 * instance of the service at a time) and on demand for an RHF or one employee. Each person is asked once, with
 * bounded retries and exponential backoff when the register does not answer; their answer is applied in a
 * transaction of its own ({@link RegisterChecks#apply}). When the register stays unreachable the run stops: FAILED if
 * nobody was checked yet, else PARTIAL; the records not reached keep their last check (never marked checked). A
 * person whose answer cannot be read counts as an error and the run goes on (PARTIAL at the end).
 */
@ApplicationScoped
public class RegisterReconciliation {

    private static final Logger LOG = Logger.getLogger(RegisterReconciliation.class);
    public static final Actor ACTOR = Actor.system("hpr-reconciliation");
    static final String JOB = "hpr-reconciliation";

    @Inject
    SingleRun single;

    @Inject
    RegisterChecks checks;

    @Inject
    HealthPersonnelRegister register;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "torn.hpr.retry.attempts", defaultValue = "3")
    int attempts;

    @ConfigProperty(name = "torn.hpr.retry.backoff", defaultValue = "1S")
    Duration backoff;

    @Scheduled(identity = JOB, cron = "{torn.hpr.reconciliation.cron}", timeZone = "Europe/Oslo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void scheduled() {
        // Every instance's scheduler fires; one of them runs the job.
        single.run(JOB, this::runNightly);
    }

    /** One run per RHF; a failed RHF does not stop the others. */
    public void runNightly() {
        for (HealthRegion region : HealthRegion.values()) {
            ReconciliationRun run = reconcile(ACTOR, region.code(), null, ReconciliationRun.Trigger.SCHEDULED);
            if (run.status != RunStatus.COMPLETED || run.mismatches > 0) {
                LOG.infof("HPR reconciliation of %s: %s, %d checked, %d mismatches, %d cleared, %d errors",
                        run.rhf, run.status, run.checked, run.mismatches, run.cleared, run.errors);
            }
        }
    }

    /** Runs a reconciliation now, in the caller's thread, and answers the closed run. */
    public ReconciliationRun reconcile(Actor actor, String rhf, UUID employeeId, ReconciliationRun.Trigger trigger) {
        ReconciliationRun run = checks.start(actor, rhf, employeeId, trigger);
        List<RegisterChecks.Candidate> candidates = checks.candidates(run.rhf, employeeId);
        int checked = 0;
        int mismatches = 0;
        int cleared = 0;
        int errors = 0;
        String failure = null;
        int reached = 0;
        try {
            for (RegisterChecks.Candidate candidate : candidates) {
                Optional<RegisterPerson> person;
                try {
                    person = ask(candidate.hprNumber());
                } catch (RegisterUnavailable e) {
                    errors++;
                    if (e.isTransient()) {
                        failure = "HPR unavailable after " + attempts + " attempts: " + e.getMessage() + "; "
                                + (candidates.size() - reached) + " of " + candidates.size()
                                + " employees not checked";
                        break;
                    }
                    LOG.warnf("HPR answer about employee %s unreadable: %s", candidate.employeeId(), e.getMessage());
                    reached++;
                    continue;
                }
                RegisterChecks.Applied applied = checks.apply(ACTOR, run.id, candidate, person);
                checked += applied.checked();
                mismatches += applied.flagged();
                cleared += applied.cleared();
                reached++;
            }
        } catch (RuntimeException e) {
            // The run is closed either way, so it never stays RUNNING; the cause goes to the log, not to the row.
            LOG.errorf(e, "HPR reconciliation run %s of %s broke off", run.id, run.rhf);
            errors++;
            failure = "Broke off after " + reached + " of " + candidates.size() + " employees: "
                    + e.getClass().getSimpleName();
        }
        RunStatus status = failure != null && reached == 0 ? RunStatus.FAILED
                : failure != null || errors > 0 ? RunStatus.PARTIAL : RunStatus.COMPLETED;
        if (failure != null) {
            LOG.warnf("HPR reconciliation run %s of %s ended %s: %s", run.id, run.rhf, status, failure);
        }
        metrics.counter("torn.hpr.reconciliation.runs", "status", status.name()).increment();
        if (mismatches > 0) {
            metrics.counter("torn.hpr.reconciliation.mismatches").increment(mismatches);
        }
        return checks.finish(actor, run.id, status, checked, mismatches, cleared, errors, failure);
    }

    /** One question with bounded retries: attempts in all, waiting backoff, 2 x backoff, ... between them. */
    Optional<RegisterPerson> ask(String hprNumber) {
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                return register.find(hprNumber);
            } catch (RegisterUnavailable e) {
                metrics.counter("torn.hpr.register.failures", "transient", String.valueOf(e.isTransient()))
                        .increment();
                if (!e.isTransient() || attempt >= attempts) {
                    throw e;
                }
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegisterUnavailable("Interrupted while waiting to ask HPR again", true, e);
        }
    }
}
