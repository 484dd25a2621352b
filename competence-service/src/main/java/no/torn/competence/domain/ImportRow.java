package no.torn.competence.domain;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * One row of an HR import: an employee, optionally with one competence record. Every field is text as it came from
 * the HR system (JSON or CSV) so that each bad value can be reported against its row and column.
 */
public record ImportRow(String hf, String employeeNumber, String name, String unit, String personnelGroup,
                        String hprNumber, String competenceCode, String acquiredOn, String validUntil,
                        String evidenceIssuer, String evidenceDocumentReference,
                        @JsonAlias({"fodselsnummer", "fnr", "personnummer", "ssn", "nationalId"})
                        String nationalIdentityNumber) {

    /** Column names, in CSV header order. */
    public static final String[] COLUMNS = {"hf", "employeeNumber", "name", "unit", "personnelGroup", "hprNumber",
            "competenceCode", "acquiredOn", "validUntil", "evidenceIssuer", "evidenceDocumentReference"};

    /** The value of an optional column that clears the stored value. */
    public static final String CLEAR = "-";

    /**
     * An optional column's cell. A partial HR feed must not erase data: an absent column or an empty cell keeps the
     * stored value, and only the explicit {@link #CLEAR} marker clears it.
     */
    public record Cell(boolean keep, String value) {

        static final Cell KEEP = new Cell(true, null);
        static final Cell CLEARED = new Cell(false, null);

        public static Cell of(String raw) {
            String s = raw == null || raw.isBlank() ? null : raw.strip();
            if (s == null) {
                return KEEP;
            }
            return s.equals(CLEAR) ? CLEARED : new Cell(false, s);
        }

        /** A value to validate: neither kept nor cleared. */
        public boolean given() {
            return value != null;
        }

        /** The value to store where {@code stored} is stored now. */
        public <T> T over(T stored, T given) {
            return keep ? stored : given;
        }

        public String over(String stored) {
            return over(stored, value);
        }
    }
}
