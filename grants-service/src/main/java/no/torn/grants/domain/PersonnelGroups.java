package no.torn.grants.domain;

import java.util.List;

/** The shared personnel-group codes of the platform (authorised health professions first, then the others). */
public final class PersonnelGroups {

    public static final List<String> CODES = List.of("lege", "lis", "sykepleier", "spesialsykepleier", "jordmor",
            "helsefagarbeider", "helsesekretaer", "fysioterapeut", "ergoterapeut", "farmasoyt", "bioingenior",
            "portor", "matvert", "renholder", "merkantil");

    /** Regex for Bean Validation, kept in step with {@link #CODES}. */
    public static final String PATTERN = "lege|lis|sykepleier|spesialsykepleier|jordmor|helsefagarbeider"
            + "|helsesekretaer|fysioterapeut|ergoterapeut|farmasoyt|bioingenior|portor|matvert|renholder|merkantil";

    private PersonnelGroups() {
    }
}
