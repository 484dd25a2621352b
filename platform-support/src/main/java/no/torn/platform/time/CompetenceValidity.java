package no.torn.platform.time;

import java.time.LocalDate;

/**
 * The one rule for whether a competence record counts on a calendar day, used by every service that decides on
 * competence (the record's owner, eligible staff, responsibility and delegations): not revoked, already acquired,
 * and its last valid day ({@code validUntil}, inclusive) not passed. Days are Norwegian days ({@link Today}).
 */
public final class CompetenceValidity {

    /** The status name of a revoked record in every service's vocabulary. */
    public static final String REVOKED = "REVOKED";

    private CompetenceValidity() {
    }

    /**
     * @param revoked    whether the record was revoked (a revoked record never counts again)
     * @param acquiredOn the first day it counts; null means "not known", which never counts
     * @param validUntil the last day it counts; null means no end
     */
    public static boolean validOn(boolean revoked, LocalDate acquiredOn, LocalDate validUntil, LocalDate day) {
        return !revoked
                && acquiredOn != null && !acquiredOn.isAfter(day)
                && (validUntil == null || !validUntil.isBefore(day));
    }

    /** As {@link #validOn(boolean, LocalDate, LocalDate, LocalDate)} for a status name ("REVOKED" never counts). */
    public static boolean validOn(String status, LocalDate acquiredOn, LocalDate validUntil, LocalDate day) {
        return validOn(REVOKED.equals(status), acquiredOn, validUntil, day);
    }

    /** Past its last valid day on {@code day}: what the expiry job turns into an EXPIRED status. */
    public static boolean expiredOn(LocalDate validUntil, LocalDate day) {
        return validUntil != null && validUntil.isBefore(day);
    }
}
