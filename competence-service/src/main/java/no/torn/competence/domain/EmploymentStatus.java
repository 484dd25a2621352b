package no.torn.competence.domain;

public enum EmploymentStatus {
    ACTIVE, LEFT
}
