package no.torn.grants.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/**
 * A grant round is open while the RHFs prepare and lock their pots, and closed once every pot is locked. ALLOCATED is
 * a national admin's lock of every pot at once (kept for existing clients); each RHF may instead lock its own pot.
 */
public enum RoundStatus implements Lifecycle<RoundStatus> {
    OPEN, ALLOCATED, CLOSED;

    @Override
    public Set<RoundStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(ALLOCATED, CLOSED);
            case ALLOCATED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
