package no.torn.grants.domain;

/** A project reports progress along the way and a final report at the end. */
public enum ReportKind {
    PROGRESS, FINAL
}
