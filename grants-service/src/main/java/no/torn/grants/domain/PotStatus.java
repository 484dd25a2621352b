package no.torn.grants.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/**
 * An RHF pot is open while the RHF sets its split and computes allocations, and allocated once the RHF (or a national
 * admin) locks it; decisions in that RHF need the lock, and the national round closes once every pot is locked.
 */
public enum PotStatus implements Lifecycle<PotStatus> {
    OPEN, ALLOCATED;

    @Override
    public Set<PotStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(ALLOCATED);
            case ALLOCATED -> Set.of();
        };
    }
}
