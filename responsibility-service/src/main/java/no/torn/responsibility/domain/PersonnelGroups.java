package no.torn.responsibility.domain;

import java.util.Set;

/** Personnel group codes shared by all services (the authorised health professions and the others). */
public final class PersonnelGroups {

    public static final Set<String> CODES = Set.of("lege", "lis", "sykepleier", "spesialsykepleier", "jordmor",
            "helsefagarbeider", "helsesekretaer", "fysioterapeut", "ergoterapeut", "farmasoyt", "bioingenior",
            "portor", "matvert", "renholder", "merkantil");

    private PersonnelGroups() {
    }

    public static boolean known(String code) {
        return code != null && CODES.contains(code);
    }
}
