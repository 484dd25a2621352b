package no.torn.competence.domain;

import no.torn.platform.application.Lifecycle;
import no.torn.platform.time.CompetenceValidity;

import java.time.LocalDate;
import java.util.Set;

/**
 * ACTIVE until validUntil passes (EXPIRED); a new validUntil brings an expired record back; REVOKED is final.
 */
public enum RecordStatus implements Lifecycle<RecordStatus> {
    ACTIVE, EXPIRED, REVOKED;

    @Override
    public Set<RecordStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(EXPIRED, REVOKED);
            case EXPIRED -> Set.of(ACTIVE, REVOKED);
            case REVOKED -> Set.of();
        };
    }

    /** The status a record that is not revoked has on {@code day}. */
    public static RecordStatus on(LocalDate validUntil, LocalDate day) {
        return CompetenceValidity.expiredOn(validUntil, day) ? EXPIRED : ACTIVE;
    }
}
