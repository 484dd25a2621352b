package no.torn.task.domain;

/** How closely the receiving group is supervised; declared from least to most, so ordinal comparison works. */
public enum SupervisionLevel {
    NONE, AVAILABLE, DIRECT;

    public boolean atLeast(SupervisionLevel other) {
        return compareTo(other) >= 0;
    }
}
