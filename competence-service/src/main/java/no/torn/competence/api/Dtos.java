package no.torn.competence.api;

/** Shared constraint texts of the API's DTOs. */
final class Dtos {
    static final String CODE_PATTERN = "[A-Z0-9][A-Z0-9-]{1,59}";
    static final String CODE_MESSAGE = "must be 2-60 upper-case letters, digits or '-'";
    static final String HPR_PATTERN = "\\d{7,9}";
    static final String HPR_MESSAGE = "must be an HPR number of 7 to 9 digits";
    static final String NO_NATIONAL_ID_FIELD = "national identity numbers are not stored (data minimisation); "
            + "remove this field";

    private Dtos() {
    }
}
