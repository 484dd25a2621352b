package no.torn.responsibility.domain;

import java.util.HashSet;
import java.util.Set;

/**
 * Personnel group codes shared by all services, and which of them are authorised health professions (the same
 * reference data task-service holds): only those may perform a task that requires a health professional.
 */
public final class PersonnelGroups {

    public static final Set<String> HEALTH_PROFESSIONS = Set.of("lege", "lis", "sykepleier", "spesialsykepleier",
            "jordmor", "helsefagarbeider", "helsesekretaer", "fysioterapeut", "ergoterapeut", "farmasoyt",
            "bioingenior");

    public static final Set<String> OTHERS = Set.of("portor", "matvert", "renholder", "merkantil");

    public static final Set<String> CODES = union(HEALTH_PROFESSIONS, OTHERS);

    private PersonnelGroups() {
    }

    public static boolean known(String code) {
        return code != null && CODES.contains(code);
    }

    /** Whether the group is an authorised health profession; an unknown group is not. */
    public static boolean healthProfession(String code) {
        return code != null && HEALTH_PROFESSIONS.contains(code);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
