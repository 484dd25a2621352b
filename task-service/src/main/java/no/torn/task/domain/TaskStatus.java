package no.torn.task.domain;

import no.torn.platform.application.Lifecycle;

import java.util.EnumSet;
import java.util.Set;

/** A task is active until it is retired; a retired task stays retired (its code is never reused). */
public enum TaskStatus implements Lifecycle<TaskStatus> {
    ACTIVE, RETIRED;

    @Override
    public Set<TaskStatus> next() {
        return this == ACTIVE ? EnumSet.of(RETIRED) : EnumSet.noneOf(TaskStatus.class);
    }
}
