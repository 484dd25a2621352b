package no.torn.grants.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/** A grant round is open while pots and allocations are prepared, allocated once they are locked, then closed. */
public enum RoundStatus implements Lifecycle<RoundStatus> {
    OPEN, ALLOCATED, CLOSED;

    @Override
    public Set<RoundStatus> next() {
        return switch (this) {
            case OPEN -> Set.of(ALLOCATED);
            case ALLOCATED -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }
}
