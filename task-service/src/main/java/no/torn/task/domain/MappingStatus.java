package no.torn.task.domain;

import java.util.Set;

/** Life cycle of a sharing mapping: draft → proposed → approved → retired (retire is possible from any live state). */
public enum MappingStatus {
    DRAFT, PROPOSED, APPROVED, RETIRED;

    public boolean canMoveTo(MappingStatus target) {
        return switch (target) {
            case PROPOSED -> this == DRAFT;
            case APPROVED -> this == PROPOSED;
            case RETIRED -> Set.of(DRAFT, PROPOSED, APPROVED).contains(this);
            case DRAFT -> false;
        };
    }
}
