package no.torn.platform.application;

import java.util.Set;

/**
 * A status enum that declares its own allowed next states, so every transition (a user's command, a job's
 * suspension or lapse, a consumer's consequence) is checked by {@link Transitions} against one table.
 */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {

    /** The states this one may move to; empty for a final state. */
    Set<S> next();

    default boolean canMoveTo(S target) {
        return next().contains(target);
    }

    default boolean isFinal() {
        return next().isEmpty();
    }
}
