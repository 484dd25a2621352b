package no.torn.competence.domain;

/** Formal competence is documented by education or a public body; real competence is what a person can do. */
public enum CompetenceKind {
    FORMAL, REAL
}
