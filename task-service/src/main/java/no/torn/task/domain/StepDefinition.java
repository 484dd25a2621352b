package no.torn.task.domain;

import java.math.BigDecimal;

/** The client-settable content of a process step. */
public record StepDefinition(String description, String taskCode, String performerGroup, BigDecimal occurrencesPerWeek,
                             int minutesPerOccurrence) {
}
