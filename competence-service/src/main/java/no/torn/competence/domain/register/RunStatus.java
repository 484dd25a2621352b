package no.torn.competence.domain.register;

import no.torn.platform.application.Lifecycle;

import java.util.Set;

/**
 * A reconciliation run: RUNNING until it ends COMPLETED (every employee checked), PARTIAL (some could not be
 * checked) or FAILED (the register could not be reached before anything was checked).
 */
public enum RunStatus implements Lifecycle<RunStatus> {
    RUNNING, COMPLETED, PARTIAL, FAILED;

    @Override
    public Set<RunStatus> next() {
        return this == RUNNING ? Set.of(COMPLETED, PARTIAL, FAILED) : Set.of();
    }
}
