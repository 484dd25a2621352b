package no.torn.responsibility.domain;

import no.torn.platform.time.Today;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Pure rules for answering about a past Norwegian day "as known at its end": what each competence record said, and
 * which status a delegation or clarification had, from their histories.
 */
public final class PointInTimeHistory {

    /** What one record said, recorded at {@code recordedAt} (one history row). */
    public record Known(UUID recordId, long sourceVersion, String competenceCode, List<String> impliedCodes,
                        LocalDate acquiredOn, LocalDate validUntil, String status, String trustLevel, String reason,
                        Instant recordedAt) {

        public CompetenceCheck.Held held() {
            return new CompetenceCheck.Held(competenceCode, impliedCodes, status, acquiredOn, validUntil);
        }

        /** Covers {@code code} itself or through an implied code, whatever its validity. */
        public boolean bearsOn(Collection<String> codes) {
            return codes.contains(competenceCode) || (impliedCodes != null
                    && impliedCodes.stream().anyMatch(codes::contains));
        }

        /** The same facts (code, implied codes, dates, status, trust level): nothing was corrected since. */
        public boolean sameFacts(Known other) {
            return other != null && Objects.equals(competenceCode, other.competenceCode)
                    && Objects.equals(List.copyOf(impliedCodes), List.copyOf(other.impliedCodes))
                    && Objects.equals(acquiredOn, other.acquiredOn) && Objects.equals(validUntil, other.validUntil)
                    && Objects.equals(status, other.status) && Objects.equals(trustLevel, other.trustLevel);
        }
    }

    /** A status an entity had from {@code at} on (an audit line's state after). */
    public record StatusChange(Instant at, long sequence, String status) {
    }

    private static final Comparator<Known> LATEST = Comparator.comparingLong(Known::sourceVersion)
            .thenComparing(Known::recordedAt);

    private PointInTimeHistory() {
    }

    /** The first instant after the Norwegian day {@code day}: what was recorded before it was known at its end. */
    public static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(Today.NORWAY).toInstant();
    }

    /**
     * Per record, the latest state recorded before {@code end} (the producer's version decides, then the time);
     * records first heard of later are absent. Keeps the order records were first heard of.
     */
    public static Map<UUID, Known> knownBefore(Collection<Known> rows, Instant end) {
        Map<UUID, Known> known = new LinkedHashMap<>();
        for (Known row : rows) {
            if (row.recordedAt().isBefore(end)) {
                known.merge(row.recordId(), row, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
            }
        }
        return known;
    }

    /** Per record, the latest state of all. */
    public static Map<UUID, Known> latest(Collection<Known> rows) {
        return knownBefore(rows, Instant.MAX);
    }

    /** The status after the last change before {@code end}; null when the entity did not exist yet. */
    public static String statusBefore(Collection<StatusChange> changes, Instant end) {
        return lastChange(changes.stream().filter(c -> c.at().isBefore(end)).toList())
                .map(StatusChange::status).orElse(null);
    }

    /** The last change that names a status (by time, then sequence). */
    public static Optional<StatusChange> lastChange(Collection<StatusChange> changes) {
        return changes.stream().filter(c -> c.status() != null)
                .max(Comparator.comparing(StatusChange::at).thenComparingLong(StatusChange::sequence));
    }
}
