package no.torn.competence.domain;

public enum RecordSource {
    MANUAL, HR_IMPORT, REGISTRY
}
