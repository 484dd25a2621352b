package no.torn.task.domain;

import no.torn.platform.application.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** The TØRN method's phases, in order. A process mapping moves one phase forward at a time. */
public enum ProcessPhase implements Lifecycle<ProcessPhase> {
    MAPPING, ANALYSIS, PROPOSAL, TRIAL, EVALUATION;

    @Override
    public Set<ProcessPhase> next() {
        int i = ordinal() + 1;
        return i < values().length ? EnumSet.of(values()[i]) : EnumSet.noneOf(ProcessPhase.class);
    }

    /** "Don't jump to solutions": new performer groups are proposed only once the mapping has been analysed. */
    public boolean allowsProposals() {
        return this == ANALYSIS || this == PROPOSAL;
    }

    /** Steps are fixed once the trial has started. */
    public boolean allowsStepChanges() {
        return compareTo(PROPOSAL) <= 0;
    }
}
