package no.torn.responsibility.domain;

import no.torn.platform.application.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a delegation: CREATED waits for the employee's own confirmation that they consider themselves
 * competent; SUSPENDED (automatically or by a leader) only returns to ACTIVE when a unit leader re-confirms it.
 */
public enum DelegationStatus implements Lifecycle<DelegationStatus> {
    CREATED, ACTIVE, SUSPENDED, ENDED;

    public static final Set<DelegationStatus> OPEN = EnumSet.of(CREATED, ACTIVE, SUSPENDED);

    @Override
    public Set<DelegationStatus> next() {
        return switch (this) {
            case CREATED -> EnumSet.of(ACTIVE, ENDED);
            case ACTIVE -> EnumSet.of(SUSPENDED, ENDED);
            case SUSPENDED -> EnumSet.of(ACTIVE, ENDED);
            case ENDED -> EnumSet.noneOf(DelegationStatus.class);
        };
    }
}
