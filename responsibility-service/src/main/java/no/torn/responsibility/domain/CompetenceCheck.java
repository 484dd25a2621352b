package no.torn.responsibility.domain;

import no.torn.platform.time.CompetenceValidity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which competences an employee holds validly on a day, and which required ones are missing. Whether one record
 * counts is the platform's one validity rule ({@link CompetenceValidity}); a record that counts covers its own code
 * and every code it implies.
 */
public final class CompetenceCheck {

    /** The facts of one record that matter for validity. */
    public record Held(String code, List<String> impliedCodes, String status, LocalDate acquiredOn,
                       LocalDate validUntil) {
        public boolean validOn(LocalDate day) {
            return CompetenceValidity.validOn(status, acquiredOn, validUntil, day);
        }
    }

    private CompetenceCheck() {
    }

    public static Set<String> validCodes(Collection<Held> records, LocalDate day) {
        Set<String> codes = new LinkedHashSet<>();
        for (Held held : records) {
            if (held.validOn(day)) {
                codes.add(held.code());
                if (held.impliedCodes() != null) {
                    codes.addAll(held.impliedCodes());
                }
            }
        }
        return codes;
    }

    /** Required codes not covered, in the order they were required. */
    public static List<String> missing(Collection<String> required, Collection<Held> records, LocalDate day) {
        Set<String> valid = validCodes(records, day);
        List<String> missing = new ArrayList<>();
        for (String code : new LinkedHashSet<>(required)) {
            if (!valid.contains(code)) {
                missing.add(code);
            }
        }
        return missing;
    }
}
