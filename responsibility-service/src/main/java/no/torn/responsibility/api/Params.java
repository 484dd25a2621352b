package no.torn.responsibility.api;

import no.torn.platform.problem.ProblemException;

import java.util.Arrays;
import java.util.UUID;

/** Query parameters parsed by hand, so a malformed filter is a 400 naming it rather than a bare 404. */
final class Params {

    private Params() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be a UUID");
        }
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
