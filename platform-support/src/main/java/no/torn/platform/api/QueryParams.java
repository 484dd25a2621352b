package no.torn.platform.api;

import no.torn.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Typed query parameters taken as text and parsed here, so a malformed value answers 400 naming the parameter
 * (a JAX-RS conversion failure cannot say which parameter was wrong). Blank means "not given".
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        return parse(value, name, null, text -> Enum.valueOf(type, text), "must be one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    public static UUID uuid(String value, String name) {
        return parse(value, name, null, UUID::fromString, "must be a UUID");
    }

    public static Integer integer(String value, String name) {
        return parse(value, name, null, Integer::valueOf, "must be a whole number");
    }

    public static Boolean bool(String value, String name) {
        return parse(value, name, null, text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        }, "must be true or false");
    }

    public static LocalDate date(String value, String name, LocalDate fallback) {
        return parse(value, name, fallback, LocalDate::parse, "must be a date (YYYY-MM-DD)");
    }

    public static java.time.Instant instant(String value, String name) {
        return parse(value, name, null, java.time.Instant::parse, "must be an ISO-8601 instant (2026-01-31T12:00:00Z)");
    }

    /** Blank gives the fallback; a value the parser refuses is a 400 naming the parameter. */
    private static <T> T parse(String value, String name, T fallback, Function<String, T> parser, String expected) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.invalid(name, expected);
        }
    }
}
