package no.torn.grants.domain;

/** A grant round is open while pots and allocations are prepared, allocated once they are locked, then closed. */
public enum RoundStatus {
    OPEN, ALLOCATED, CLOSED;

    public boolean canMoveTo(RoundStatus next) {
        return next.ordinal() == ordinal() + 1;
    }
}
