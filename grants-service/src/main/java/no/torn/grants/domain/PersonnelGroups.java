package no.torn.grants.domain;

import java.util.List;

/**
 * The shared personnel-group codes of the platform (authorised health professions first, then the others), and the
 * shape of the task codes a task moves between them.
 */
public final class PersonnelGroups {

    public static final List<String> CODES = List.of("lege", "lis", "sykepleier", "spesialsykepleier", "jordmor",
            "helsefagarbeider", "helsesekretaer", "fysioterapeut", "ergoterapeut", "farmasoyt", "bioingenior",
            "portor", "matvert", "renholder", "merkantil");

    /** Regex for Bean Validation, kept in step with {@link #CODES}. */
    public static final String PATTERN = "lege|lis|sykepleier|spesialsykepleier|jordmor|helsefagarbeider"
            + "|helsesekretaer|fysioterapeut|ergoterapeut|farmasoyt|bioingenior|portor|matvert|renholder|merkantil";

    public static final String MESSAGE = "must be a personnel group code";

    /** A task code of the task catalogue, for Bean Validation. */
    public static final String TASK_CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}";
    public static final String TASK_CODE_MESSAGE = "must be a task code (letters, digits, '.', '_' or '-', at most 60)";

    private PersonnelGroups() {
    }
}
