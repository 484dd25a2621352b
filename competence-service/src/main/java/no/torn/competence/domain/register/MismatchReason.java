package no.torn.competence.domain.register;

/** Why a record of an authorisation is flagged after a register check. */
public enum MismatchReason {
    /** HPR knows no such person, or the person has no approval in the record's personnel category at all. */
    NOT_FOUND,
    SUSPENDED,
    REVOKED,
    EXPIRED,
    /** The person is in HPR, but authorised or licensed only in other personnel categories than the record's. */
    CATEGORY_MISMATCH
}
