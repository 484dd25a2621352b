package no.torn.competence.api;

import no.torn.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** The service's path root and the parsing of query parameters into 400s that name the parameter. */
final class Paths {

    static final String ROOT = "/api/v1/competence";

    private Paths() {
    }

    static LocalDate date(String value, String param, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(param, "must be a date (YYYY-MM-DD)");
        }
    }

    static UUID uuid(String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(param, "must be a UUID");
        }
    }

    static <E extends Enum<E>> E enumOf(Class<E> type, String value, String param) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(param, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Accepts {@code codes=A&codes=B} as well as {@code codes=A,B}. */
    static List<String> codes(List<String> values, String param) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                for (String part : v.split(",")) {
                    if (!part.isBlank()) {
                        codes.add(part.strip());
                    }
                }
            }
        }
        if (codes.isEmpty()) {
            throw ProblemException.invalid(param, "must name at least one competence code");
        }
        if (codes.size() > 20) {
            throw ProblemException.invalid(param, "must name at most 20 competence codes");
        }
        return new ArrayList<>(codes);
    }
}
