package no.torn.grants.domain;

/** An experience report is a draft inside its RHF until published to every RHF. */
public enum ExperienceStatus {
    DRAFT, PUBLISHED
}
