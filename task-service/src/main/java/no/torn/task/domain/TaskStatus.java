package no.torn.task.domain;

public enum TaskStatus {
    ACTIVE, RETIRED
}
