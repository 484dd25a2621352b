package no.torn.competence.domain;

import java.time.LocalDate;

/** The validity rules of a competence record, free of persistence so they can be tested on their own. */
public final class Validity {

    private Validity() {
    }

    /** Valid on {@code day}: not revoked, already acquired, and {@code validUntil} (inclusive) not passed. */
    public static boolean isValid(RecordStatus status, LocalDate acquiredOn, LocalDate validUntil, LocalDate day) {
        return status != RecordStatus.REVOKED
                && !acquiredOn.isAfter(day)
                && (validUntil == null || !validUntil.isBefore(day));
    }

    /** The status a non-revoked record has on {@code today}. */
    public static RecordStatus statusOn(LocalDate validUntil, LocalDate today) {
        return validUntil != null && validUntil.isBefore(today) ? RecordStatus.EXPIRED : RecordStatus.ACTIVE;
    }
}
