package no.torn.task.api;

import no.torn.platform.problem.ProblemException;

import java.util.Arrays;

/** Query parameters with a fixed set of values are parsed here so a wrong value is a 400 naming the parameter. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
