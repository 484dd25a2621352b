package no.torn.competence.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import no.torn.competence.domain.Catalogue;
import no.torn.competence.domain.CompetenceRecord;
import no.torn.competence.domain.ExpiryThresholds;
import no.torn.competence.domain.RecordStatus;
import no.torn.competence.messaging.CompetenceEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.time.Today;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Daily: marks records past validUntil EXPIRED (record-expired) and announces records approaching it
 * (record-expiring, once per record and threshold). Works in batches, one transaction each, so a large run never
 * holds one long transaction. Reads already treat a lapsed record as invalid, so a late run loses nothing.
 */
@ApplicationScoped
public class ExpiryJob {

    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    static final int BATCH = 500;
    static final Actor ACTOR = Actor.system("expiry-job");

    public record Result(int expired, int expiring) {
    }

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

    @ConfigProperty(name = "torn.competence.expiring-thresholds", defaultValue = "90,30,7")
    List<Integer> thresholdDays;

    @Scheduled(cron = "{torn.competence.expiry-cron}", timeZone = "Europe/Oslo", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run();
        LOG.infof("Expiry run: %d records expired, %d expiring notices", result.expired(), result.expiring());
    }

    public Result run() {
        LocalDate day = today.date();
        int expired = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> expireBatch(day));
            expired += n;
        } while (n == BATCH);
        ExpiryThresholds thresholds = new ExpiryThresholds(thresholdDays);
        int expiring = 0;
        UUID after = new UUID(0, 0);
        if (thresholds.widest() >= 0) {
            while (true) {
                UUID from = after;
                var batch = QuarkusTransaction.requiringNew().call(() -> announceBatch(day, thresholds, from));
                expiring += batch.announced();
                if (batch.last() == null) {
                    break;
                }
                after = batch.last();
            }
        }
        return new Result(expired, expiring);
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

    Announced announceBatch(LocalDate day, ExpiryThresholds thresholds, UUID after) {
        List<CompetenceRecord> soon = em.createQuery("""
                        select r from CompetenceRecord r join fetch r.employee
                        where r.status = ?1 and r.validUntil >= ?2 and r.validUntil <= ?3 and r.id > ?4
                        order by r.id""", CompetenceRecord.class)
                .setParameter(1, RecordStatus.ACTIVE).setParameter(2, day)
                .setParameter(3, day.plusDays(thresholds.widest())).setParameter(4, after)
                .setMaxResults(BATCH).getResultList();
        if (soon.isEmpty()) {
            return new Announced(0, null);
        }
        Map<UUID, Set<Integer>> notified = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select record_id, threshold_days from record_expiry_notice where record_id in (:ids)")
                .setParameter("ids", soon.stream().map(r -> r.id).toList()).getResultList();
        for (Object[] row : rows) {
            notified.computeIfAbsent((UUID) row[0], k -> new HashSet<>()).add(((Number) row[1]).intValue());
        }
        Map<String, List<String>> implied = catalogue.impliedCodesByType();
        int announced = 0;
        for (CompetenceRecord r : soon) {
            long daysLeft = ChronoUnit.DAYS.between(day, r.validUntil);
            Set<Integer> done = notified.getOrDefault(r.id, Set.of());
            var due = thresholds.due(daysLeft, done);
            if (due.isEmpty()) {
                continue;
            }
            List<Integer> mark = new ArrayList<>(thresholds.crossed(daysLeft));
            mark.removeAll(done);
            boolean claimed = false;
            for (Integer t : mark) {
                int inserted = em.createNativeQuery("""
                                insert into record_expiry_notice (record_id, threshold_days, notified_at)
                                values (?1, ?2, ?3) on conflict do nothing""")
                        .setParameter(1, r.id).setParameter(2, t).setParameter(3, today.now()).executeUpdate();
                claimed |= t.equals(due.get()) && inserted == 1;
            }
            if (!claimed) {
                continue; // another instance's run announced it concurrently
            }
            events.record(CompetenceEvents.RECORD_EXPIRING, r, r.employee,
                    implied.getOrDefault(r.typeCode, List.of()), due.get(), r.version);
            announced++;
        }
        return new Announced(announced, soon.size() < BATCH ? null : soon.get(soon.size() - 1).id);
    }
}
