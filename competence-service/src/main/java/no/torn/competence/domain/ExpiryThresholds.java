package no.torn.competence.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which "expiring" notice a record is due. Thresholds are days before validUntil (e.g. 90, 30, 7). A record is
 * announced once per threshold; when a run finds several thresholds crossed at once (the job did not run, or the
 * record was registered late) only the tightest is announced and the wider ones count as done.
 */
public record ExpiryThresholds(List<Integer> days) {

    public ExpiryThresholds {
        days = days.stream().filter(d -> d != null && d >= 0).distinct().sorted().toList();
    }

    public int widest() {
        return days.isEmpty() ? -1 : days.get(days.size() - 1);
    }

    /** Thresholds crossed when {@code daysLeft} days remain. */
    public List<Integer> crossed(long daysLeft) {
        return days.stream().filter(d -> daysLeft <= d).toList();
    }

    /** The threshold to announce now, if any. */
    public Optional<Integer> due(long daysLeft, Set<Integer> alreadyNotified) {
        if (daysLeft < 0) {
            return Optional.empty();
        }
        List<Integer> crossed = crossed(daysLeft);
        if (crossed.isEmpty()) {
            return Optional.empty();
        }
        Integer tightest = crossed.get(0);
        return alreadyNotified.contains(tightest) ? Optional.empty() : Optional.of(tightest);
    }
}
