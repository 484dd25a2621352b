package no.torn.responsibility.domain;

/** RACI: who performs (responsible), who answers for it (accountable), who is consulted, who is informed. */
public enum Raci {
    RESPONSIBLE, ACCOUNTABLE, CONSULTED, INFORMED
}
