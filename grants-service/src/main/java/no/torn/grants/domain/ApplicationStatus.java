package no.torn.grants.domain;

/**
 * An application is submitted, reviewed, then granted or rejected. A granted application is a running project until
 * its final report is approved, which closes it.
 */
public enum ApplicationStatus {
    SUBMITTED, UNDER_REVIEW, GRANTED, REJECTED, CLOSED;

    public boolean decidable() {
        return this == SUBMITTED || this == UNDER_REVIEW;
    }
}
