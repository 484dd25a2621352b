package no.torn.competence.domain.register;

import java.util.Map;
import java.util.Set;

/**
 * The HPR personnel categories (Volven code set 9060, "Kategori helsepersonell") that confirm each national
 * authorisation type of the catalogue. A pharmacist's authorisation is confirmed by either pharmacist category
 * (FA1 provisorfarmasøyt, FA2 reseptarfarmasøyt). A type not listed here (an RHF-local authorisation) has no known
 * category and is not reconciled.
 */
public final class PersonnelCategories {

    private static final Map<String, Set<String>> BY_TYPE = Map.of(
            "AUT-LEGE", Set.of("LE"),
            "AUT-SYKEPLEIER", Set.of("SP"),
            "AUT-JORDMOR", Set.of("JO"),
            "AUT-HELSEFAGARBEIDER", Set.of("HF"),
            "AUT-HELSESEKRETAER", Set.of("HE"),
            "AUT-FYSIOTERAPEUT", Set.of("FT"),
            "AUT-ERGOTERAPEUT", Set.of("ET"),
            "AUT-FARMASOYT", Set.of("FA1", "FA2"),
            "AUT-BIOINGENIOR", Set.of("BI"));

    private PersonnelCategories() {
    }

    /** The categories that confirm a record of {@code typeCode}; empty when the type has none. */
    public static Set<String> of(String typeCode) {
        return BY_TYPE.getOrDefault(typeCode, Set.of());
    }

    public static Set<String> reconciledTypes() {
        return BY_TYPE.keySet();
    }
}
