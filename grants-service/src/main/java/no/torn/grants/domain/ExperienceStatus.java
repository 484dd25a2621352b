package no.torn.grants.domain;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/** An experience report is a draft inside its RHF until published to every RHF. */
public enum ExperienceStatus implements Lifecycle<ExperienceStatus> {
    DRAFT, PUBLISHED;

    @Override
    public Set<ExperienceStatus> next() {
        return this == DRAFT ? Set.of(PUBLISHED) : Set.of();
    }
}
