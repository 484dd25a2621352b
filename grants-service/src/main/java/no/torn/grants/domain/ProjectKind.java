package no.torn.grants.domain;

/** Whether the quality-improvement project is already running or planned. */
public enum ProjectKind {
    ONGOING, PLANNED
}
