package no.torn.responsibility.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Daily housekeeping driven by the clock: approved clarifications start on their date, clarifications past their
 * review date lapse (their delegations are suspended), delegations past their valid-to date end. One transaction per
 * item, so one failure does not hold back the rest.
 */
@ApplicationScoped
public class LapseJob {

    private static final Logger LOG = Logger.getLogger(LapseJob.class);

    public record Result(int activated, int lapsed, int delegationsEnded) {
    }

    @Inject
    Clock clock;

    @Inject
    ClarificationWorkflow clarifications;

    @Inject
    DelegationWorkflow delegations;

    @Scheduled(cron = "${torn.responsibility.lapse-cron:0 5 * * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run();
        if (result.activated() + result.lapsed() + result.delegationsEnded() > 0) {
            LOG.infof("Review-date run: %s", result);
        }
    }

    public Result run() {
        LocalDate today = LocalDate.now(clock);
        int activated = 0;
        int lapsed = 0;
        int ended = 0;
        for (UUID id : ids("select c.id from Clarification c where c.status = ?1 and c.activeFrom <= ?2",
                ClarificationStatus.APPROVED, today)) {
            activated += clarifications.activateIfDue(id, today) ? 1 : 0;
        }
        for (UUID id : ids("select c.id from Clarification c where c.status in ?1 and c.reviewDate < ?2",
                List.of(ClarificationStatus.APPROVED, ClarificationStatus.ACTIVE), today)) {
            lapsed += clarifications.lapseIfDue(id, today) ? 1 : 0;
        }
        for (UUID id : ids("select d.id from Delegation d where d.status in ?1 and d.validTo < ?2",
                DelegationStatus.OPEN, today)) {
            ended += delegations.endIfExpired(id, today) ? 1 : 0;
        }
        return new Result(activated, lapsed, ended);
    }

    private static List<UUID> ids(String query, Object... params) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            var q = Clarification.getEntityManager().createQuery(query, UUID.class);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return q.getResultList();
        });
    }
}
