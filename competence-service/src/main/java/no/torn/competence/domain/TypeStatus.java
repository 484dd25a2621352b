package no.torn.competence.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/**
 * A competence type is in force until it is retired. A retired type stays readable and its records keep their
 * validity, but no new record of it is registered (R-COMP-04); retirement is final.
 */
public enum TypeStatus implements Lifecycle<TypeStatus> {
    ACTIVE, RETIRED;

    @Override
    public Set<TypeStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(RETIRED);
            case RETIRED -> Set.of();
        };
    }
}
