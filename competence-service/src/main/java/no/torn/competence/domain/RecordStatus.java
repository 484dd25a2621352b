package no.torn.competence.domain;

public enum RecordStatus {
    ACTIVE, EXPIRED, REVOKED
}
