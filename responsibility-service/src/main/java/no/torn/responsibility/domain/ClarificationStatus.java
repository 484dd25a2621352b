package no.torn.responsibility.domain;

import no.torn.platform.application.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a responsibility clarification. APPROVED means approved but not yet in force (active from a later
 * date); ACTIVE means in force. SUSPENDED and LAPSED need re-submission and a new four-eyes approval.
 */
public enum ClarificationStatus implements Lifecycle<ClarificationStatus> {
    DRAFT, SUBMITTED, APPROVED, ACTIVE, SUSPENDED, REVOKED, LAPSED;

    /** States in which the content may be edited. */
    public boolean editable() {
        return this == DRAFT || this == SUSPENDED || this == LAPSED;
    }

    public boolean inForceOrPending() {
        return this == APPROVED || this == ACTIVE;
    }

    @Override
    public Set<ClarificationStatus> next() {
        return switch (this) {
            case DRAFT, SUSPENDED, LAPSED -> EnumSet.of(SUBMITTED, REVOKED);
            case SUBMITTED -> EnumSet.of(APPROVED, ACTIVE, DRAFT, REVOKED);
            case APPROVED -> EnumSet.of(ACTIVE, SUSPENDED, REVOKED, LAPSED);
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED, LAPSED);
            case REVOKED -> EnumSet.noneOf(ClarificationStatus.class);
        };
    }
}
