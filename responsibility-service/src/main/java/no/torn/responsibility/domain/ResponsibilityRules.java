package no.torn.responsibility.domain;

/**
 * Codes of the soundness rules of clarifications and delegations (docs/rules.md, "R-RESP"); the sharing decision's
 * own codes are in {@link SharingDecision}. Codes never change meaning.
 */
public final class ResponsibilityRules {

    /** Four-eyes: the one who approves a clarification is not the one who submitted it. */
    public static final String FOUR_EYES = "R-RESP-01";
    /** A clarification is submitted or approved only with its review date still ahead. */
    public static final String REVIEW_DATE_AHEAD = "R-RESP-02";
    /** Exactly one ACCOUNTABLE party. */
    public static final String ONE_ACCOUNTABLE = "R-RESP-03";
    /** At least one RESPONSIBLE party. */
    public static final String A_RESPONSIBLE = "R-RESP-04";
    /** A delegation is made or put in force only under a clarification in force on the day. */
    public static final String CLARIFICATION_IN_FORCE = "R-RESP-05";
    /** The employee is in active employment. */
    public static final String EMPLOYEE_ACTIVE = "R-RESP-06";
    /** The employee works in the clarification's HF and unit. */
    public static final String EMPLOYEE_IN_UNIT = "R-RESP-07";
    /** The employee belongs to the clarification's performing group. */
    public static final String EMPLOYEE_IN_GROUP = "R-RESP-08";
    /** A delegation becomes or returns ACTIVE only within its period (valid-to not passed). */
    public static final String WITHIN_PERIOD = "R-RESP-09";

    private ResponsibilityRules() {
    }
}
