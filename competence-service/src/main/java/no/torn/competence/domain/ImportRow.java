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
}
