package no.torn.competence.domain;

/**
 * TØRN stores no national identity number (fødselsnummer/D-nummer, 11 digits). Any value that looks like one is
 * refused before it reaches the database.
 */
public final class NationalIdentityNumbers {

    public static final String MESSAGE = "looks like a national identity number (11 digits); national identity "
            + "numbers are not stored (data minimisation)";

    private NationalIdentityNumbers() {
    }

    public static boolean looksLikeOne(String value) {
        if (value == null) {
            return false;
        }
        String compact = value.strip().replace(" ", "");
        return compact.length() == 11 && compact.chars().allMatch(Character::isDigit);
    }
}
