package no.torn.responsibility.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import no.torn.platform.application.Actor;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.time.Today;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.DelegationStatus;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Housekeeping driven by the Norwegian calendar: approved clarifications start on their date, clarifications past
 * their review date lapse (their delegations are suspended), delegations past their valid-to date end. Each item is
 * its own command and transaction, so one failure does not hold back the rest.
 */
@ApplicationScoped
public class LapseJob {

    private static final Logger LOG = Logger.getLogger(LapseJob.class);
    static final Actor ACTOR = Actor.system("lapse-job");

    public record Result(int activated, int lapsed, int delegationsEnded) {
    }

    @Inject
    SingleRun single;

    @Inject
    Today today;

    @Inject
    Clarifications clarifications;

    @Inject
    Delegations delegations;

    @Scheduled(cron = "${torn.responsibility.lapse-cron:0 5 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // Every instance's scheduler fires; one of them runs the job.
        single.run("responsibility-lapse", () -> {
            Result result = run();
            if (result.activated() + result.lapsed() + result.delegationsEnded() > 0) {
                LOG.infof("Review-date run: %s", result);
            }
        });
    }

    public Result run() {
        LocalDate day = today.date();
        int activated = 0;
        int lapsed = 0;
        int ended = 0;
        for (UUID id : ids("select c.id from Clarification c where c.status = ?1 and c.activeFrom <= ?2",
                ClarificationStatus.APPROVED, day)) {
            activated += clarifications.activateIfDue(ACTOR, id) ? 1 : 0;
        }
        for (UUID id : ids("select c.id from Clarification c where c.status in ?1 and c.reviewDate < ?2",
                List.of(ClarificationStatus.APPROVED, ClarificationStatus.ACTIVE), day)) {
            lapsed += clarifications.lapseIfDue(ACTOR, id) ? 1 : 0;
        }
        for (UUID id : ids("select d.id from Delegation d where d.status in ?1 and d.validTo < ?2",
                DelegationStatus.OPEN, day)) {
            ended += delegations.endIfExpired(ACTOR, id) ? 1 : 0;
        }
        return new Result(activated, lapsed, ended);
    }

    private static List<UUID> ids(String query, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Clarification.getEntityManager().createQuery(query, UUID.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }
}
