package no.torn.task.domain;

public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
