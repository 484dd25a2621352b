package no.torn.competence.domain;

/** What kind of evidence a competence type stands for; each category belongs to exactly one kind. */
public enum CompetenceCategory {
    EDUCATION(CompetenceKind.FORMAL),
    AUTHORISATION(CompetenceKind.FORMAL),
    SPECIALISATION(CompetenceKind.FORMAL),
    CERTIFICATION(CompetenceKind.FORMAL),
    PROCEDURE(CompetenceKind.REAL),
    COURSE(CompetenceKind.REAL),
    EXPERIENCE(CompetenceKind.REAL);

    private final CompetenceKind kind;

    CompetenceCategory(CompetenceKind kind) {
        this.kind = kind;
    }

    public CompetenceKind kind() {
        return kind;
    }
}
