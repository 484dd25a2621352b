package no.torn.competence.domain;

import no.torn.platform.problem.ProblemException;

/** How far a record can be trusted: claimed by the person, attested by a colleague, or verified against evidence. */
public enum TrustLevel {
    SELF_DECLARED, ATTESTED, VERIFIED;

    /** Trust on registration: verified when there is a document to check, otherwise the person's own word. */
    public static TrustLevel initial(TrustLevel requested, String documentRef, String field) {
        if (requested == ATTESTED) {
            throw ProblemException.invalid(field, "ATTESTED is set by an attestation, not on registration");
        }
        if (requested != null) {
            return requested;
        }
        return documentRef != null && !documentRef.isBlank() ? VERIFIED : SELF_DECLARED;
    }
}
