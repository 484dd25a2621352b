package no.torn.grants.domain;

/** A submitted report is approved by the RHF or returned to the HF with a comment. */
public enum ReportStatus {
    SUBMITTED, APPROVED, RETURNED
}
