package no.torn.grants.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/** A submitted report is approved by the RHF or returned to the HF with a comment; the HF then files a new one. */
public enum ReportStatus implements Lifecycle<ReportStatus> {
    SUBMITTED, APPROVED, RETURNED;

    @Override
    public Set<ReportStatus> next() {
        return this == SUBMITTED ? Set.of(APPROVED, RETURNED) : Set.of();
    }
}
