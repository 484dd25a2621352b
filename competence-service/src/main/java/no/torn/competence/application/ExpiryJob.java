package no.torn.competence.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.ExpiryThresholds;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.jobs.SingleRun;
import no.torn.platform.time.CompetenceValidity;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every minute (Oslo time): marks records past validUntil EXPIRED (record-expired), so a record whose last valid day
 * was D is expired within a minute of the start of D+1 in Oslo, and announces records approaching it
 * (record-expiring, once per record and threshold, remembered in {@code record_expiry_notice}). A run with nothing to
 * do costs one index lookup for the expiry part and one indexed anti-join per threshold. Works in batches, one
 * transaction each. Several instances may run it at once: lapsed rows are claimed with FOR UPDATE SKIP LOCKED and a
 * notice is published only by the run whose insert of its (record, threshold) row succeeded.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    static final int BATCH = 500;
    static final Actor ACTOR = Actor.system("expiry-job");

    public record Result(int expired, int expiring) {
    }

    @Inject
    SingleRun single;

    @Inject
    EntityManager em;

    @Inject
    CompetenceEvents events;

    @Inject
    Records records;

    @Inject
    Catalogue catalogue;

    @Inject
    Today today;

    @ConfigProperty(name = "torn.expiry.expiring-thresholds", defaultValue = "90,30,7")
    List<Integer> thresholdDays;

    @Scheduled(cron = "{torn.expiry.cron}", timeZone = "Europe/Oslo",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // Every instance's scheduler fires; one of them runs the job.
        single.run("competence-expiry", () -> {
            Result result = run();
            if (result.expired() > 0 || result.expiring() > 0) {
                LOG.infof("Expiry run: %d records expired, %d expiring notices", result.expired(), result.expiring());
            }
        });
    }

    public Result run() {
        LocalDate day = today.date();
        int expired = 0;
        if (QuarkusTransaction.requiringNew().call(() -> anyLapsed(day))) {
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(() -> expireBatch(day));
                expired += n;
            } while (n == BATCH);
        }
        List<Integer> thresholds = new ExpiryThresholds(thresholdDays).days();
        int expiring = 0;
        for (int i = 0; i < thresholds.size(); i++) {
            // The band of days left for which threshold t is the tightest one crossed.
            int from = i == 0 ? 0 : thresholds.get(i - 1) + 1;
            int threshold = thresholds.get(i);
            UUID after = new UUID(0, 0);
            while (true) {
                UUID cursor = after;
                Announced batch = QuarkusTransaction.requiringNew()
                        .call(() -> announceBatch(day, from, threshold, thresholds, cursor));
                expiring += batch.announced();
                if (batch.last() == null) {
                    break;
                }
                after = batch.last();
            }
        }
        return new Result(expired, expiring);
    }

    /** The next expiry from the partial index on valid_until of ACTIVE records: one index lookup. */
    boolean anyLapsed(LocalDate day) {
        Object next = em.createNativeQuery("""
                        select min(valid_until) from competence_record
                        where status = 'ACTIVE' and valid_until is not null""")
                .getSingleResult();
        return next != null && CompetenceValidity.expiredOn(toDate(next), day);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    int expireBatch(LocalDate day) {
        // Rows another instance's run holds are skipped, so two instances never expire the same record twice.
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select id from competence_record where status = 'ACTIVE' and valid_until < ?1
                        order by id limit ?2 for update skip locked""")
                .setParameter(1, day).setParameter(2, BATCH).getResultList();
        List<CompetenceRecord> lapsed = ids.isEmpty() ? List.of() : em.createQuery("""
                        select r from CompetenceRecord r join fetch r.employee where r.id in ?1 order by r.id""",
                        CompetenceRecord.class)
                .setParameter(1, ids).getResultList();
        Map<String, List<String>> implied = catalogue.impliedCodesByType();
        for (CompetenceRecord r : lapsed) {
            records.expire(ACTOR, r, implied.getOrDefault(r.typeCode, List.of()));
        }
        return lapsed.size();
    }

    record Announced(int announced, UUID last) {
    }

    /**
     * Announces the ACTIVE records with {@code from}..{@code threshold} days left that have no notice for
     * {@code threshold} yet. Wider thresholds count as done with it: a record first seen inside the 7-day band gets
     * one notice (7), not three.
     */
    Announced announceBatch(LocalDate day, int from, int threshold, List<Integer> thresholds, UUID after) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                        select r.id from competence_record r
                        where r.status = 'ACTIVE' and r.valid_until between ?1 and ?2 and r.id > ?3
                          and not exists (select 1 from record_expiry_notice n
                                          where n.record_id = r.id and n.threshold_days = ?4)
                        order by r.id limit ?5""")
                .setParameter(1, day.plusDays(from)).setParameter(2, day.plusDays(threshold))
                .setParameter(3, after).setParameter(4, threshold).setParameter(5, BATCH).getResultList();
        if (ids.isEmpty()) {
            return new Announced(0, null);
        }
        List<CompetenceRecord> soon = em.createQuery("""
                        select r from CompetenceRecord r join fetch r.employee where r.id in ?1 order by r.id""",
                        CompetenceRecord.class)
                .setParameter(1, ids).getResultList();
        List<Integer> crossed = thresholds.stream().filter(t -> t >= threshold).toList();
        Map<String, List<String>> implied = catalogue.impliedCodesByType();
        int announced = 0;
        for (CompetenceRecord r : soon) {
            boolean claimed = false;
            for (Integer t : crossed) {
                int inserted = em.createNativeQuery("""
                                insert into record_expiry_notice (record_id, threshold_days, notified_at)
                                values (?1, ?2, ?3) on conflict do nothing""")
                        .setParameter(1, r.id).setParameter(2, t).setParameter(3, today.now()).executeUpdate();
                claimed |= t == threshold && inserted == 1;
            }
            if (!claimed) {
                continue; // another instance's run announced it concurrently
            }
            events.record(CompetenceEvents.RECORD_EXPIRING, r, r.employee,
                    implied.getOrDefault(r.typeCode, List.of()), threshold, r.version);
            announced++;
        }
        return new Announced(announced, ids.size() < BATCH ? null : ids.get(ids.size() - 1));
    }
}
