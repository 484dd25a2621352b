package no.torn.task.api;

import no.torn.platform.problem.ProblemException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Date query parameters are parsed here so a malformed one is a 400 naming the parameter, not a 404. */
final class Dates {

    private Dates() {
    }

    static LocalDate dateOrToday(String value, String field, Clock clock) {
        if (value == null || value.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
