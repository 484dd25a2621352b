package no.torn.task.domain;

/** What kind of work a task is; service/meals, cleaning and logistics are where staff without health training help. */
public enum TaskCategory {
    CLINICAL, MEDICATION, LOGISTICS, SERVICE_MEALS, CLEANING, ADMINISTRATIVE
}
