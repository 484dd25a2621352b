package no.torn.competence.domain;

/** How far a record can be trusted: claimed by the person, attested by a colleague, or verified against evidence. */
public enum TrustLevel {
    SELF_DECLARED, ATTESTED, VERIFIED
}
