package no.torn.task.domain;

import java.util.Optional;

/** The TØRN method's phases, in order. A process mapping moves one phase forward at a time. */
public enum ProcessPhase {
    MAPPING, ANALYSIS, PROPOSAL, TRIAL, EVALUATION;

    public Optional<ProcessPhase> next() {
        int i = ordinal() + 1;
        return i < values().length ? Optional.of(values()[i]) : Optional.empty();
    }

    /** "Don't jump to solutions": new performer groups are proposed only once the mapping has been analysed. */
    public boolean allowsProposals() {
        return this == ANALYSIS || this == PROPOSAL;
    }
}
