package no.torn.competence.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/** An employee leaves; an HR import that lists a former employee again brings them back. */
public enum EmploymentStatus implements Lifecycle<EmploymentStatus> {
    ACTIVE, LEFT;

    @Override
    public Set<EmploymentStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(LEFT);
            case LEFT -> Set.of(ACTIVE);
        };
    }
}
