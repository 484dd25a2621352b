package no.torn.task.domain;

import no.torn.platform.application.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** Life cycle of a sharing mapping: draft → proposed → approved, and retired from any live state. */
public enum MappingStatus implements Lifecycle<MappingStatus> {
    DRAFT, PROPOSED, APPROVED, RETIRED;

    @Override
    public Set<MappingStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PROPOSED, RETIRED);
            case PROPOSED -> EnumSet.of(APPROVED, RETIRED);
            case APPROVED -> EnumSet.of(RETIRED);
            case RETIRED -> EnumSet.noneOf(MappingStatus.class);
        };
    }
}
