package no.torn.grants.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/**
 * An application is submitted, reviewed (any number of times), then granted or rejected. A granted application is a
 * running project until its final report is approved, which closes it.
 */
public enum ApplicationStatus implements Lifecycle<ApplicationStatus> {
    SUBMITTED, UNDER_REVIEW, GRANTED, REJECTED, CLOSED;

    @Override
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case SUBMITTED, UNDER_REVIEW -> Set.of(UNDER_REVIEW, GRANTED, REJECTED);
            case GRANTED -> Set.of(CLOSED);
            case REJECTED, CLOSED -> Set.of();
        };
    }
}
